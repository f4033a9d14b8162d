import Foundation
import Testing

/// The team's way of working, in their browsers: a coordinator, two officers, a contributor in Highways and a legal
/// approver take a request from allocation to an issued response on a real `foi-server`, which sends its mail to a
/// real SMTP server on loopback. The days pass as the server is started again with each day as its today; each
/// person signs in afresh in a new Chromium. By hand, on the 2026 calendar (FOIA's: St Andrew's Day, Mon 30 Nov,
/// is no working day): received Mon 2 Nov, the task given Tue 3 Nov for 5 working days is due Tue 10 Nov; the
/// clarification asked Thu 5 Nov stops it and, answered Mon 9 Nov, starts both counts afresh: the task is due Mon
/// 16 Nov, the case Tue 8 Dec. The task is answered Fri 4 Dec (13 working days late); the response, recorded Wed
/// 9 Dec, is a working day late; Legal approves it Fri 11 Dec.
@Suite(
    .tags(.externalTool),
    ExternalTools.needed(
        programs: ["chromium", "chromedriver"], pythonModules: ["selenium", "aiosmtpd"],
        install: "apt-get install chromium chromium-driver; pip install selenium aiosmtpd"))
struct TeamFlowBrowserTests {
    /// What every day's script shares: signing in as someone, and recording a step through its own form (failing
    /// with the page's refusal where it is refused).
    static let steps = """
        password, ref = sys.argv[3], sys.argv[4]
        def sign_in(email):
            driver.delete_all_cookies()
            driver.get(base + '/signin')
            driver.find_element(By.ID, 'email').send_keys(email)
            driver.find_element(By.ID, 'password').send_keys(password)
            driver.find_element(By.CSS_SELECTOR, 'main form button[type=submit]').click()
            WebDriverWait(driver, 10).until(lambda d: not d.current_url.endswith('/signin'))
        def fill(prefix, fields):
            for key, value in fields.items():
                element = driver.find_element(By.ID, prefix + key)
                if element.tag_name == 'select':
                    Select(element).select_by_value(value)
                else:
                    element.clear()
                    element.send_keys(value)
        def submit(button):
            driver.find_element(By.XPATH, "//main//button[normalize-space(.)='" + button + "']").click()
            WebDriverWait(driver, 10).until(
                lambda d: d.title.startswith(ref + ' ') or d.find_elements(By.CSS_SELECTOR, '.error'))
            errors = driver.find_elements(By.CSS_SELECTOR, '.error')
            assert not errors, (driver.title, errors[0].text)
        def step(name, fields, button):
            driver.get(base + '/cases/' + ref + '/steps/' + name)
            fill('field-', fields)
            submit(button)
        def page(path):
            driver.get(base + path)
            return driver.find_element(By.TAG_NAME, 'main').text
        def issue_the_response():
            driver.get(base + '/cases/' + ref + '/letters/response')
            button = "//main//button[starts-with(normalize-space(.), 'Record the response')]"
            driver.find_element(By.XPATH, button).click()
        def contributor_sees(due):
            # Cal's first page is the task; the case's page, the question without the requester.
            tasks = page('/')
            assert ref in tasks and due in tasks, tasks
            assert 'Rita' not in page('/cases/' + ref) and 'Rita' not in driver.page_source
        """

    /// Each day: its date, and what the people do in their browsers.
    static let days: [(String, String)] = [
        (
            "2026-11-02",
            """
            # The coordinator logs the request and offers it to Bea, who gives it back; then to the team, where
            # Olu accepts it.
            sign_in('cora@borsetshire.example')
            driver.get(base + '/cases/new')
            fill('field-', {'subject': 'Winter gritting routes', 'received': '2/11/2026',
                            'requester': 'Rita Requester', 'email': 'rita@example.org',
                            'request-file': 'Please send the gritting routes for winter 2025.'})
            driver.find_element(By.XPATH, "//main//button[normalize-space(.)='Log the request']").click()
            WebDriverWait(driver, 10).until(lambda d: d.title.startswith(ref + ' '))
            step('assign', {'to': 'bea@borsetshire.example'}, 'Record: assign')
            sign_in('bea@borsetshire.example')
            step('give-back', {'reason': 'On leave until December'}, 'Record: give back')
            sign_in('cora@borsetshire.example')
            step('assign', {'team': 'Information Governance'}, 'Record: assign')
            sign_in('olu@borsetshire.example')
            step('accept', {}, 'Record: accept')
            driver.save_screenshot(shots + '/allocated.png')
            accessible('allocated')
            """
        ),
        (
            "2026-11-03",
            """
            sign_in('olu@borsetshire.example')
            step('give-task', {'to': 'cal@borsetshire.example', 'ask': 'Which routes were gritted in winter 2025?',
                               'days': '5'}, 'Record: give task')
            sign_in('cal@borsetshire.example')
            contributor_sees('Tue 10 Nov 2026')
            """
        ),
        (
            "2026-11-05",
            """
            sign_in('olu@borsetshire.example')
            step('clarify', {'requested': '5/11/2026', 'note': 'Which roads?'}, 'Record: clarify')
            sign_in('cal@borsetshire.example')
            contributor_sees('stopped: the case waits on the requester')
            """
        ),
        (
            "2026-11-09",
            """
            sign_in('olu@borsetshire.example')
            step('clarify', {'received': '9/11/2026'}, 'Record: clarify')
            sign_in('cal@borsetshire.example')
            contributor_sees('Mon 16 Nov 2026')
            driver.save_screenshot(shots + '/tasks.png')
            accessible('tasks')
            """
        ),
        (
            "2026-12-04",
            """
            sign_in('cal@borsetshire.example')
            driver.get(base + '/cases/' + ref)
            driver.save_screenshot(shots + '/task.png')
            accessible('task')
            fill('task-1-answer-task-', {'answer-file': 'The A-roads and the bus routes, every night below 1C.',
                                          'hours': '3', 'activity': 'locating'})
            submit('Send the answer')
            assert 'no open tasks' in page('/')
            """
        ),
        (
            "2026-12-09",
            """
            sign_in('olu@borsetshire.example')
            step('respond', {'outcome': 'not-held'}, 'Record: respond')
            step('request-approval', {'chain': 'Legal'}, 'Record: request approval')
            """
        ),
        (
            "2026-12-11",
            """
            # Legal approves; only then does the letter go; the coordinator reads where the late days went.
            sign_in('olu@borsetshire.example')
            issue_the_response()
            arrive('Not recorded')
            refusal = driver.find_element(By.TAG_NAME, 'main').text
            assert 'the team Legal' in refusal, refusal
            sign_in('lee@borsetshire.example')
            driver.get(base + '/cases/' + ref)
            fill('approve-', {'comment': 'Fine to go.'})
            submit('Approve')
            driver.save_screenshot(shots + '/approved.png')
            accessible('approved')
            sign_in('olu@borsetshire.example')
            issue_the_response()
            WebDriverWait(driver, 10).until(lambda d: 'Recorded as issued' in d.page_source)
            sign_in('cora@borsetshire.example')
            driver.get(base + '/figures')
            fill('delays-', {'period': '2026Q4'})
            driver.find_element(By.XPATH, "//main//button[normalize-space(.)='Show the late days']").click()
            arrive('Late days')
            late = driver.find_element(By.TAG_NAME, 'main').text
            assert ref in late and 'Cal Contributor' in late and 'the team Legal' in late, late
            driver.save_screenshot(shots + '/late-days.png')
            accessible('late-days')
            driver.get(base + '/figures/report?period=2026Q4')
            report = driver.find_element(By.TAG_NAME, 'body').text
            assert 'Where the late days went' in report and 'Cal Contributor' in report, report
            """
        ),
    ]

    @Test func fromAllocationToAnIssuedResponse() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let password = "plough sleet gritter"
        let passwordFile = workspace.directory.appendingPathComponent("password").path
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let setUp: [[String]] = [
            ["settings", "authority-name", "Borsetshire County Council"],
            ["settings", "authority-address", "County Hall"],
            ["settings", "foi-email", "foi@borsetshire.example"],
            ["settings", "review-contact", "The Monitoring Officer"],
            ["settings", "signature", "The FOI Team"], ["settings", "web-address", "https://foi.borsetshire.example/"],
        ]
        let people = [
            ("cora", "Cora Coordinator", "coordinator"), ("olu", "Olu Officer", "officer"),
            ("bea", "Bea Officer", "officer"), ("cal", "Cal Contributor", "contributor"),
            ("hal", "Hal Highways", "contributor"), ("lee", "Lee Legal", "approver"),
        ]
        var commands = setUp
        for (login, name, role) in people {
            commands.append(["user", "add", "\(login)@borsetshire.example", "--name", name, "--role", role])
            commands.append(["user", "passwd", "\(login)@borsetshire.example", "--password-file", passwordFile])
        }
        for (team, login, role) in [
            ("Information Governance", "olu", "member"), ("Information Governance", "bea", "member"),
            ("Highways", "cal", "member"), ("Highways", "hal", "coordinator"), ("Legal", "lee", "member"),
        ] {
            if !commands.contains(["team", "add", team]) { commands.append(["team", "add", team]) }
            commands.append(["team", "member", team, "\(login)@borsetshire.example", "--role", role])
        }
        for command in commands {
            let run = try workspace.run(command, today: "2026-11-02")
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let mail = try LoopbackMailServer(in: workspace.directory)
        defer { mail.stop() }
        let ref = "FOI-2026-000001"
        for (day, script) in Self.days {
            let log = workspace.directory.appendingPathComponent("server-\(day).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let (server, port) = try startServer(
                db: workspace.db,
                [
                    "--today", day, "--smtp", "127.0.0.1:\(mail.port)", "--mail-every", "5", "--digest-hour", "0",
                ], output: FileHandle.nullDevice, log: try FileHandle(forWritingTo: log))
            defer { if server.isRunning { server.terminate() } }
            let (answer, complaints) = try Browser.run(
                Self.steps + "\ntry:\n" + script.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                    + "\n    print('ok')\nfinally:\n    driver.quit()\n", base: "http://127.0.0.1:\(port)",
                shots: workspace.directory.path, [password, ref])
            try #require(answer == "ok\n", "\(day): \(complaints.suffix(2_000))")
            // The day's mail goes before the server stops: what is still waiting goes the next day.
            if day == Self.days.last?.0 {
                for _ in 0..<100 where try Self.subjects(mail).count < Self.expectedMail.count {
                    Thread.sleep(forTimeInterval: 0.2)
                }
            }
            // Stopped at once, though a page's live wait (up to 25 s) may still be open.
            let stopping = Date()
            server.terminate()
            server.waitUntilExit()
            #expect(Date().timeIntervalSince(stopping) < 5, "\(day)")
            #expect(server.terminationReason == .exit && server.terminationStatus == 0)
        }
        for page in ["allocated", "tasks", "task", "approved", "late-days"] {
            #expect(
                FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent("\(page).png").path))
        }
        #expect(try Self.subjects(mail) == Self.expectedMail)
        for message in try mail.messages() {
            let text = "\(message)"
            #expect(!text.contains("Rita") && !text.contains("rita@example.org"))
        }
        // Each step by the one who took it, in one chain that verifies.
        let history = try workspace.run(["history", ref], today: "2026-12-11").stdout
        for who in ["Cora Coordinator", "Bea Officer", "Olu Officer", "Cal Contributor", "Lee Legal"] {
            #expect(history.contains(who), "\(who)")
        }
        #expect(try workspace.run(["verify"], today: "2026-12-11").status == 0)
        // Cal's task: 22 working days from Tue 3 Nov to Fri 4 Dec; Legal's stage: 2, Wed 9 Dec to Fri 11 Dec.
        let delays = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try workspace.run(
                        ["stats", "delays", "--period", "2026Q4", "--format", "json"], today: "2026-12-11"
                    )
                    .stdout.utf8)) as? [String: Any])
        let shares = try #require(delays["waitedOn"] as? [[String: Any]])
        #expect(
            shares.map { "\($0["name"] ?? ""): \($0["totalDays"] ?? "")" } == [
                "Cal Contributor: 22", "the team Legal: 2",
            ])
    }

    /// The mail, but the daily digests, as each person received it: `to: subject`, sorted.
    static func subjects(_ mail: LoopbackMailServer) throws -> [String] {
        try mail.messages().compactMap { message -> String? in
            guard let to = (message["to"] as? [String])?.first, let headers = message["headers"] as? [String: String],
                let subject = headers["Subject"], !subject.hasPrefix("foi: ")
            else { return nil }
            return "\(to): \(subject)"
        }.sorted()
    }

    static let expectedMail = [
        "bea@borsetshire.example: FOI-2026-000001 is offered to Information Governance",
        "bea@borsetshire.example: FOI-2026-000001 is offered to you",
        "cal@borsetshire.example: Task 1 on FOI-2026-000001",
        "cal@borsetshire.example: Task 1 on FOI-2026-000001 is 13 working days overdue",
        "hal@borsetshire.example: Task 1 on FOI-2026-000001 is 13 working days overdue",
        "lee@borsetshire.example: Sign-off of FOI-2026-000001 waits for you",
        "olu@borsetshire.example: FOI-2026-000001 is offered to Information Governance",
    ]
}
