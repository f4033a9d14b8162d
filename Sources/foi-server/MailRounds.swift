import FOIApp
import FOIKit
import FOIMail
import Foundation
import Logging
import ServiceLifecycle

/// foi-server's post: every `interval` it delivers what the outbox holds; once a day, at the first round on or after
/// `digestHour` (London), it queues the day's digests and chasers first. Stops with the server.
struct MailRounds: Service {
    let postman: Postman
    let transport: SMTPTransport
    let sender: String
    let interval: Duration
    let digestHour: Int
    let today: @Sendable () -> CivilDate
    let logger: Logger

    func run() async throws {
        var digestedOn: CivilDate?
        while !Task.isCancelled {
            await round(digestedOn: &digestedOn)
            do { try await cancelOnGracefulShutdown { try await Task.sleep(for: interval) } } catch { return }
        }
    }

    private func round(digestedOn: inout CivilDate?) async {
        let day = today()
        let hour = Calendar.london.component(.hour, from: Date())
        do {
            if digestedOn != day, hour >= digestHour {
                let run = try await postman.queueDailyRun(today: day)
                digestedOn = day
                logger.info("queued \(run.digests) digests and \(run.chasers) chasers")
            }
            let name = try await postman.storage.setting(.authorityName)
            let report = try await postman.send(via: transport, from: (name.isEmpty ? "foi" : name, sender))
            if report.sent + report.dropped + report.deferred > 0 || report.stoppedBecause != nil {
                let stopped = report.stoppedBecause.map { " (\($0))" } ?? ""
                logger.info(
                    "mail: \(report.sent) sent, \(report.dropped) dropped, \(report.deferred) put off\(stopped)")
            }
        } catch {
            logger.error("mail round failed: \(error)")
        }
    }
}

extension Calendar {
    /// The Gregorian calendar in London's time, for the hour of the daily run.
    static var london: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        return calendar
    }
}
