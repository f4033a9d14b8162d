-- A case database written by foi as released on 2026-11-20 (commit 226705c, schema 0001-0003, events stored as
-- Swift's synthesized Codable). Every event kind appears. Made with the CLI (see Tests/foiTests/ReleaseFixtureTests.swift)
-- and dumped with sqlite3 .dump; a test loads it and checks that today's foi shows the same cases.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('0001_cases');
INSERT INTO grdb_migrations VALUES('0002_board_index');
INSERT INTO grdb_migrations VALUES('0003_case_clocks');
CREATE TABLE requesters (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    address TEXT,
    anonymised_on TEXT
);
INSERT INTO requesters VALUES(1,'Demo requester A',NULL,NULL,NULL);
INSERT INTO requesters VALUES(2,'Demo requester B',NULL,NULL,NULL);
INSERT INTO requesters VALUES(3,'Demo requester C',NULL,NULL,NULL);
INSERT INTO requesters VALUES(4,'Demo requester D',NULL,NULL,NULL);
INSERT INTO requesters VALUES(5,'Demo requester E',NULL,NULL,NULL);
INSERT INTO requesters VALUES(6,'A Requester','a@example.org',NULL,NULL);
INSERT INTO requesters VALUES(7,'Data Subject',NULL,NULL,NULL);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    regime TEXT NOT NULL CHECK (regime IN ('foia', 'eir', 'foisa', 'eirs', 'sar')),
    status TEXT NOT NULL CHECK (status IN ('open', 'awaiting-clarification', 'awaiting-fee', 'extended',
                                           'responded', 'withdrawn', 'transferred', 'lapsed')),
    status_since TEXT NOT NULL,
    received_on TEXT NOT NULL,
    -- The date the officer works to: the statutory date, or the s.10(3) estimate once a PIT extension is recorded.
    due_on TEXT,
    -- With a PIT extension, the statutory date the refusal notice was due by.
    extended_from_on TEXT,
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    receipt_convention TEXT NOT NULL,
    requester_id INTEGER REFERENCES requesters(id),
    outcome TEXT,
    responded_on TEXT,
    event_count INTEGER NOT NULL CHECK (event_count >= 1),
    -- The response clock's inputs as the events define them (JSON), so a calendar change can recompute dates.
    clock TEXT NOT NULL
, stage TEXT NOT NULL DEFAULT 'request'
    CHECK (stage IN ('request', 'responded', 'review', 'regulator', 'tribunal', 'closed')));
INSERT INTO cases VALUES(1,'004078/20','foia','responded','2021-01-05','2020-12-08','2021-01-11',NULL,0,'Planned terrorist attacks on emergency service personnel or buildings thwarted in the last five years','email','statutory',1,'ncnd','2021-01-05',6,'{"statutoryExtension":false,"convention":"statutory","clarifications":[],"fees":[]}','responded');
INSERT INTO cases VALUES(2,'01.FOI.23.028767','foia','extended','2026-11-11','2026-10-18','2026-12-14','2026-11-13',0,'Counter-terrorism investigations and explosive ordnance disposal deployments, 2010 to 2022','web','statutory',2,NULL,NULL,6,'{"publicInterestExtension":20,"convention":"statutory","fees":[],"statutoryExtension":false,"clarifications":[]}','request');
INSERT INTO cases VALUES(3,'01.FOI.23.034376','foia','open','2026-10-17','2026-10-17','2026-11-13',NULL,0,'Officers deployed overseas, 1 January to 31 October 2023: countries, costs and reasons','email','statutory',3,NULL,NULL,3,'{"clarifications":[],"convention":"statutory","fees":[],"statutoryExtension":false}','request');
INSERT INTO cases VALUES(4,'01.FOI.21.022343','foia','awaiting-clarification','2026-11-11','2026-11-08',NULL,NULL,0,'Officer numbers and command structure of Specialist Operations','email','statutory',4,NULL,NULL,3,'{"convention":"statutory","fees":[],"clarifications":[{"requested":"2026-11-11"}],"statutoryExtension":false}','request');
INSERT INTO cases VALUES(5,'01.FOI.22.024312','foia','open','2026-10-29','2026-10-29','2026-11-26',NULL,0,'MetBats briefing and tasking system: policies and the introductory presentation','web','statutory',5,NULL,NULL,3,'{"convention":"statutory","fees":[],"statutoryExtension":false,"clarifications":[]}','request');
INSERT INTO cases VALUES(6,'FOI-2026-000001','foia','responded','2026-04-20','2026-03-02','2026-04-28','2026-04-14',0,'Drone use 2025','email','statutory',6,'partially-withheld','2026-04-20',23,'{"convention":"statutory","clarifications":[{"received":"2026-03-09","requested":"2026-03-04"}],"publicInterestExtension":10,"fees":[{"notice":"2026-03-10","paid":"2026-03-12"}],"statutoryExtension":false}','tribunal');
INSERT INTO cases VALUES(7,'FOI-2026-000002','foia','withdrawn','2026-05-08','2026-05-05','2026-06-03',NULL,0,'Transferred','email','statutory',NULL,NULL,NULL,4,'{"convention":"statutory","statutoryExtension":false,"fees":[],"clarifications":[]}','closed');
INSERT INTO cases VALUES(8,'FOI-2026-000003','eir','lapsed','2026-08-06','2026-05-05',NULL,NULL,0,'Lapsed clarification','web','statutory',NULL,NULL,NULL,3,'{"convention":"statutory","fees":[],"statutoryExtension":false,"clarifications":[{"requested":"2026-05-06"}]}','closed');
INSERT INTO cases VALUES(9,'FOI-2026-000004','eir','lapsed','2026-08-10','2026-05-05',NULL,NULL,0,'Lapsed fee','email','statutory',NULL,NULL,NULL,3,'{"convention":"statutory","fees":[{"notice":"2026-05-06"}],"statutoryExtension":false,"clarifications":[]}','closed');
INSERT INTO cases VALUES(10,'FOI-2026-000005','eir','extended','2026-10-05','2026-10-01','2026-11-26',NULL,0,'Extended EIR','email','statutory',NULL,NULL,NULL,2,'{"fees":[],"statutoryExtension":true,"convention":"statutory","clarifications":[]}','request');
INSERT INTO cases VALUES(11,'FOI-2026-000006','foisa','open','2026-11-02','2026-11-02','2026-12-01',NULL,0,'Scottish open','email','statutory',NULL,NULL,NULL,1,'{"convention":"statutory","clarifications":[],"fees":[],"statutoryExtension":false}','request');
INSERT INTO cases VALUES(12,'FOI-2026-000007','sar','responded','2026-02-02','2026-01-05','2026-02-05',NULL,0,'SAR after notice','email','statutory',7,'granted-in-full','2026-02-02',4,'{"fees":[],"convention":"statutory","statutoryExtension":false,"clarifications":[]}','regulator');
INSERT INTO cases VALUES(13,'FOI-2026-000008','foia','responded','2026-01-06','2026-01-05','2026-02-02',NULL,0,'Late review declined','email','statutory',NULL,'ncnd','2026-01-06',4,'{"convention":"statutory","fees":[],"clarifications":[],"statutoryExtension":false}','review');
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor TEXT,
    recorded_at TEXT NOT NULL,
    UNIQUE (case_id, sequence)
);
INSERT INTO events VALUES(1,1,1,'received','2020-12-08','{"received":{"_0":{"convention":"statutory","channel":"email","subject":"Planned terrorist attacks on emergency service personnel or buildings thwarted in the last five years","regime":"foia"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(2,1,2,'search-recorded','2020-12-15','{"searchRecorded":{"_0":{"location":"Information Management; Special Branch liaison","held":true,"hours":2}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(3,1,3,'exemption-applied','2020-12-28','{"exemptionApplied":{"_0":{"neitherConfirmNorDeny":true,"citation":"23(5)","part":"foia"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(4,1,4,'exemption-applied','2020-12-28','{"exemptionApplied":{"_0":{"part":"foia","citation":"24(2)","neitherConfirmNorDeny":true,"publicInterest":"maintain"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(5,1,5,'exemption-applied','2020-12-28','{"exemptionApplied":{"_0":{"citation":"31(3)","publicInterest":"maintain","neitherConfirmNorDeny":true,"part":"foia"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(6,1,6,'responded','2021-01-05','{"responded":{"_0":"ncnd"}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(7,2,1,'received','2026-10-18','{"received":{"_0":{"regime":"foia","convention":"statutory","channel":"web","subject":"Counter-terrorism investigations and explosive ordnance disposal deployments, 2010 to 2022"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(8,2,2,'acknowledged','2026-10-19','{"acknowledged":{}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(9,2,3,'search-recorded','2026-10-24','{"searchRecorded":{"_0":{"held":true,"hours":6.5,"location":"Counter Terrorism Command; EOD deployment logs"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(10,2,4,'exemption-applied','2026-11-07','{"exemptionApplied":{"_0":{"part":"foia","citation":"24(1)","neitherConfirmNorDeny":false,"publicInterest":"maintain"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(11,2,5,'exemption-applied','2026-11-07','{"exemptionApplied":{"_0":{"publicInterest":"maintain","citation":"31(1)(a)","part":"foia","neitherConfirmNorDeny":false}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(12,2,6,'extended','2026-11-11','{"extended":{"workingDays":20,"reason":"public interest test for s.24(1) and s.31(1)(a)"}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(13,3,1,'received','2026-10-17','{"received":{"_0":{"regime":"foia","convention":"statutory","channel":"email","subject":"Officers deployed overseas, 1 January to 31 October 2023: countries, costs and reasons"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(14,3,2,'acknowledged','2026-10-19','{"acknowledged":{}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(15,3,3,'search-recorded','2026-10-26','{"searchRecorded":{"_0":{"held":true,"hours":4,"location":"International Liaison Unit; Finance"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(16,4,1,'received','2026-11-08','{"received":{"_0":{"convention":"statutory","channel":"email","subject":"Officer numbers and command structure of Specialist Operations","regime":"foia"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(17,4,2,'clarification-requested','2026-11-11','{"clarificationRequested":{"note":"Which date should the officer numbers be taken at?"}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(18,5,1,'received','2026-10-29','{"received":{"_0":{"regime":"foia","convention":"statutory","subject":"MetBats briefing and tasking system: policies and the introductory presentation","channel":"web"}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(19,5,2,'acknowledged','2026-10-30','{"acknowledged":{}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(20,5,3,'search-recorded','2026-11-03','{"searchRecorded":{"_0":{"location":"Digital Policing; Frontline Policing policy library","held":true,"hours":3}}}','demo','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(21,6,1,'received','2026-03-02','{"received":{"_0":{"regime":"foia","subject":"Drone use 2025","channel":"email","convention":"statutory","timestamp":"2026-03-02T09:15:00Z"}}}','officer','2026-11-21T14:43:43Z');
INSERT INTO events VALUES(22,6,2,'acknowledged','2026-03-03','{"acknowledged":{}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(23,6,3,'clarification-requested','2026-03-04','{"clarificationRequested":{"note":"Which years?"}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(24,6,4,'clarification-received','2026-03-09','{"clarificationReceived":{}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(25,6,5,'fee-notice-issued','2026-03-10','{"feeNoticeIssued":{"amount":"£45.00"}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(26,6,6,'fee-paid','2026-03-12','{"feePaid":{}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(27,6,7,'search-recorded','2026-03-13','{"searchRecorded":{"_0":{"location":"Air Support Unit","hours":3.5,"held":true}}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(28,6,8,'exemption-applied','2026-03-16','{"exemptionApplied":{"_0":{"publicInterest":"maintain","neitherConfirmNorDeny":false,"citation":"31(1)(a)","part":"foia"}}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(29,6,9,'exemption-applied','2026-03-16','{"exemptionApplied":{"_0":{"part":"foia","citation":"40(2)","neitherConfirmNorDeny":false}}}','officer','2026-11-21T14:43:44Z');
INSERT INTO events VALUES(30,6,10,'extended','2026-03-17','{"extended":{"workingDays":10,"reason":"Public interest test"}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(31,6,11,'note','2026-03-18','{"note":{"_0":"Spoke to the requester"}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(32,6,12,'responded','2026-04-20','{"responded":{"_0":"partially-withheld"}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(33,6,13,'review-requested','2026-04-27','{"reviewRequested":{"_0":{"by":"the requester"}}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(34,6,14,'review-extended','2026-05-01','{"reviewExtended":{"toWorkingDays":30,"reason":"Consulting the unit"}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(35,6,15,'review-decided','2026-06-01','{"reviewDecided":{"_0":{"addedExemptions":[{"citation":"24(1)","part":"foia","publicInterest":"maintain","neitherConfirmNorDeny":false}],"outcome":"partially-upheld","reviewer":"Head of Legal","withdrawnExemptions":["40(2)"]}}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(36,6,16,'complaint-notified','2026-06-15','{"complaintNotified":{"_0":{"reference":"IC-123456-A1B2","submissionsDue":"2026-07-13"}}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(37,6,17,'submissions-requested','2026-07-01','{"submissionsRequested":{"due":"2026-07-20"}}','officer','2026-11-21T14:43:45Z');
INSERT INTO events VALUES(38,6,18,'submissions-sent','2026-07-17','{"submissionsSent":{}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(39,6,19,'decision-notice','2026-09-01','{"decisionNoticeIssued":{"_0":{"outcome":"upheld","reference":"IC-123456-A1B2","sent":"2026-09-02","steps":"Disclose the withheld information"}}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(40,6,20,'appeal-lodged','2026-10-05','{"appealLodged":{"_0":{"appellant":"authority","lastDay":"2026-09-30","reference":"EA\/2026\/0123"}}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(41,6,21,'hearing-listed','2026-11-02','{"hearingListed":{"on":"2027-01-12"}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(42,6,22,'appeal-decided','2026-11-16','{"appealDecided":{"_0":"dismissed"}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(43,6,23,'decision-notice-complied','2026-11-18','{"decisionNoticeComplied":{}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(44,7,1,'received','2026-05-05','{"received":{"_0":{"channel":"email","subject":"Transferred","regime":"foia","convention":"statutory"}}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(45,7,2,'transferred','2026-05-06','{"transferred":{"to":"Home Office"}}','officer','2026-11-21T14:43:46Z');
INSERT INTO events VALUES(46,7,3,'reopened','2026-05-07','{"reopened":{"reason":"Transferred in error"}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(47,7,4,'withdrawn','2026-05-08','{"withdrawn":{"reason":"No longer needed"}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(48,8,1,'received','2026-05-05','{"received":{"_0":{"regime":"eir","convention":"statutory","subject":"Lapsed clarification","channel":"web"}}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(49,8,2,'clarification-requested','2026-05-06','{"clarificationRequested":{}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(50,8,3,'clarification-lapsed','2026-08-06','{"clarificationLapsed":{}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(51,9,1,'received','2026-05-05','{"received":{"_0":{"regime":"eir","convention":"statutory","subject":"Lapsed fee","channel":"email"}}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(52,9,2,'fee-notice-issued','2026-05-06','{"feeNoticeIssued":{}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(53,9,3,'fee-lapsed','2026-08-10','{"feeLapsed":{}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(54,10,1,'received','2026-10-01','{"received":{"_0":{"channel":"email","subject":"Extended EIR","convention":"statutory","regime":"eir"}}}','officer','2026-11-21T14:43:47Z');
INSERT INTO events VALUES(55,10,2,'extended','2026-10-05','{"extended":{"reason":"Complex and voluminous"}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(56,11,1,'received','2026-11-02','{"received":{"_0":{"subject":"Scottish open","regime":"foisa","channel":"email","convention":"statutory"}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(57,12,1,'received','2026-01-05','{"received":{"_0":{"convention":"statutory","regime":"sar","channel":"email","subject":"SAR after notice"}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(58,12,2,'responded','2026-02-02','{"responded":{"_0":"granted-in-full"}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(59,12,3,'complaint-notified','2026-03-02','{"complaintNotified":{"_0":{"reference":"IC-999-X"}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(60,12,4,'decision-notice','2026-10-30','{"decisionNoticeIssued":{"_0":{"outcome":"not-upheld","reference":"IC-999-X"}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(61,13,1,'received','2026-01-05','{"received":{"_0":{"regime":"foia","subject":"Late review declined","convention":"statutory","channel":"email"}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(62,13,2,'exemption-applied','2026-01-06','{"exemptionApplied":{"_0":{"neitherConfirmNorDeny":true,"part":"foia","citation":"23(5)"}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(63,13,3,'responded','2026-01-06','{"responded":{"_0":"ncnd"}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(64,13,4,'review-requested','2026-06-01','{"reviewRequested":{"_0":{"outOfTime":{"lastDay":"2026-03-03","accepted":false}}}}','officer','2026-11-21T14:43:48Z');
INSERT INTO events VALUES(65,4,3,'deadline-moved','2026-11-20','{"deadlineMoved":{"to":"2027-02-11","from":"2027-02-10","reason":"clarification lapses: bank holiday added: Proclaimed day (Scotland) on 2026-12-29"}}','officer','2026-11-21T14:43:48Z');
CREATE TABLE case_exemptions (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    citation TEXT NOT NULL,
    part TEXT NOT NULL,
    ncnd INTEGER NOT NULL CHECK (ncnd IN (0, 1)),
    public_interest TEXT,
    PRIMARY KEY (case_id, citation, part)
);
INSERT INTO case_exemptions VALUES(1,'23(5)','foia',1,NULL);
INSERT INTO case_exemptions VALUES(1,'24(2)','foia',1,'maintain');
INSERT INTO case_exemptions VALUES(1,'31(3)','foia',1,'maintain');
INSERT INTO case_exemptions VALUES(2,'24(1)','foia',0,'maintain');
INSERT INTO case_exemptions VALUES(2,'31(1)(a)','foia',0,'maintain');
INSERT INTO case_exemptions VALUES(6,'31(1)(a)','foia',0,'maintain');
INSERT INTO case_exemptions VALUES(6,'24(1)','foia',0,'maintain');
INSERT INTO case_exemptions VALUES(13,'23(5)','foia',1,NULL);
CREATE TABLE holidays (
    date TEXT NOT NULL,
    division TEXT NOT NULL CHECK (division IN ('england-and-wales', 'scotland', 'northern-ireland')),
    title TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (date, division)
);
INSERT INTO holidays VALUES('2026-12-29','scotland','Proclaimed day','2026-11-21T14:43:48Z');
INSERT INTO holidays VALUES('2026-11-30','northern-ireland','NI proclaimed day','2026-11-21T14:43:49Z');
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE reference_sequences (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);
INSERT INTO reference_sequences VALUES(2026,8);
CREATE TABLE case_clocks (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    clock TEXT NOT NULL CHECK (clock IN ('response', 'clarification-lapse', 'fee-lapse', 'review', 'submissions',
                                         'compliance', 'appeal-window', 'hearing')),
    due_on TEXT NOT NULL,
    -- The case's regime, so that each regime's working-day horizon is counted without reading the case.
    regime TEXT NOT NULL,
    -- Whose move it waits for: the authority's duty, a date to watch, or the requester.
    watch TEXT NOT NULL CHECK (watch IN ('duty', 'date', 'requester')),
    provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
    PRIMARY KEY (case_id, clock)
) WITHOUT ROWID;
INSERT INTO case_clocks VALUES(2,'response','2026-12-14','foia','duty',0);
INSERT INTO case_clocks VALUES(3,'response','2026-11-13','foia','duty',0);
INSERT INTO case_clocks VALUES(4,'clarification-lapse','2027-02-11','foia','requester',0);
INSERT INTO case_clocks VALUES(5,'response','2026-11-26','foia','duty',0);
INSERT INTO case_clocks VALUES(10,'response','2026-11-26','eir','duty',0);
INSERT INTO case_clocks VALUES(11,'response','2026-12-01','foisa','duty',0);
INSERT INTO case_clocks VALUES(12,'appeal-window','2026-11-27','sar','date',0);
CREATE INDEX cases_by_received ON cases (received_on);
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE INDEX cases_by_status ON cases (status, due_on, regime);
CREATE INDEX cases_by_stage ON cases (stage, due_on);
CREATE INDEX case_clocks_duties ON case_clocks (due_on, case_id) WHERE watch = 'duty';
CREATE INDEX case_clocks_upcoming ON case_clocks (due_on, case_id, regime) WHERE watch IN ('duty', 'date');
CREATE INDEX case_clocks_requester ON case_clocks (due_on, case_id) WHERE watch = 'requester';
CREATE INDEX case_clocks_by_name ON case_clocks (clock, due_on);
COMMIT;
