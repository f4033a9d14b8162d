import FOITestSupport
import Foundation
import Testing

/// foi-server in a real browser: Debian's Chromium driven by Selenium through Debian's chromedriver (given as the
/// `Service` path, with `SE_OFFLINE=true`, so that Selenium never fetches a driver): sign in, read the board, open a
/// case, record a note through its form, and find it in the history under the user's name; a screenshot of each page
/// is written beside the database. The server is the built `foi-server` on a loopback port, stopped with SIGTERM.
@Suite struct ServerBrowserTests {
    static let script = """
        import sys, time, urllib.request
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        base, shots = sys.argv[1], sys.argv[2]
        for _ in range(100):
            try:
                if urllib.request.urlopen(base + '/healthz', timeout=1).read() == b'ok\\n': break
            except Exception:
                time.sleep(0.1)
        options = webdriver.ChromeOptions()
        for argument in ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1200,900']:
            options.add_argument(argument)
        options.binary_location = '/usr/bin/chromium'
        driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
        try:
            driver.get(base + '/')
            assert driver.current_url.endswith('/signin'), driver.current_url
            driver.save_screenshot(shots + '/signin.png')
            driver.find_element(By.ID, 'email').send_keys('jo@council.example')
            driver.find_element(By.ID, 'password').send_keys('correct horse battery staple')
            driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
            assert driver.find_element(By.TAG_NAME, 'h1').text.startswith('Board for'), driver.page_source[:300]
            driver.save_screenshot(shots + '/board.png')
            driver.find_element(By.LINK_TEXT, '01.FOI.23.034376').click()
            assert driver.find_element(By.TAG_NAME, 'h1').text.startswith('01.FOI.23.034376')
            driver.find_element(By.ID, 'note').send_keys('Chased the Overseas Deployment Unit for the figures')
            driver.find_element(By.XPATH, "//button[text()='Add the note']").click()
            rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, 'table tr')]
            assert any('Chased the Overseas Deployment Unit' in row and 'Jo Bloggs' in row for row in rows), rows[-3:]
            driver.save_screenshot(shots + '/case.png')
            print('ok')
        finally:
            driver.quit()
        """

    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            programs: ["chromium", "chromedriver"], pythonModules: ["selenium"],
            install: "apt-get install chromium chromium-driver; pip install selenium"))
    func signInReadTheBoardAndRecordANote() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-12-07")
        try workspace.ok(["user", "add", "jo@council.example", "--name", "Jo Bloggs"], today: "2026-12-07")
        #expect(
            try foi(
                ["user", "passwd", "jo@council.example", "--password-file", "-", "--db", workspace.db],
                input: "correct horse battery staple\n"
            ).status == 0)
        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = foiBinary.deletingLastPathComponent().appendingPathComponent("foi-server")
        server.arguments = ["--db", workspace.db, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try launch(server)
        defer { if server.isRunning { server.terminate() } }
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        browser.arguments = [
            "python3", "-c", Self.script, "http://127.0.0.1:\(port)", workspace.directory.path,
        ]
        browser.environment = ProcessInfo.processInfo.environment.merging(["SE_OFFLINE": "true"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        browser.standardOutput = output
        browser.standardError = errors
        try launch(browser)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(printed == "ok\n", "\(complaints.suffix(2_000))")
        for page in ["signin", "board", "case"] {
            #expect(
                FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent("\(page).png").path))
        }
        // SIGTERM stops the server cleanly.
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
        let history = try workspace.run(["history", "01.FOI.23.034376"], today: "2026-12-07").stdout
        #expect(history.contains("Chased the Overseas Deployment Unit") && history.contains("Jo Bloggs"))
    }
}
