import FOITestSupport
import Foundation
import Testing

/// foi-server in a real browser: Debian's Chromium driven by Selenium through Debian's chromedriver (given as the
/// `Service` path, with `SE_OFFLINE=true`, so that Selenium never fetches a driver): sign in with the login
/// `foi-server --demo` printed, read the board, open a case, record a note through its form, and find it in the
/// history under the user's name; a step through its own form, refused with its field named, by the keyboard; the
/// cases, a new request, an import, a letter, the figures, users and settings; each page's accessibility tree
/// (Chromium's) has every control named, the main and banner landmarks and its headings in order, and a screenshot of
/// it is written beside the database. The server is the built `foi-server` on a loopback port, stopped with SIGTERM.
@Suite struct ServerBrowserTests {
    static let script = """
        password = sys.argv[3]
        try:
            driver.get(base + '/')
            assert driver.current_url.endswith('/signin'), driver.current_url
            driver.save_screenshot(shots + '/signin.png')
            accessible('signin')
            driver.find_element(By.ID, 'email').send_keys('admin@demo.example')
            driver.find_element(By.ID, 'password').send_keys(password)
            driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
            arrive('Board –')
            driver.save_screenshot(shots + '/board.png')
            accessible('board')
            driver.find_element(By.LINK_TEXT, '01.FOI.23.034376').click()
            arrive('01.FOI.23.034376 –')
            driver.find_element(By.ID, 'note').send_keys('Chased the Overseas Deployment Unit for the figures')
            driver.find_element(By.XPATH, "//button[text()='Add the note']").click()
            WebDriverWait(driver, 10).until(lambda d: 'Chased the Overseas Deployment Unit' in d.page_source)
            rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, 'table tr')]
            assert any('Chased the Overseas Deployment Unit' in row and 'Demo admin' in row for row in rows), rows[-3:]
            driver.save_screenshot(shots + '/case.png')
            accessible('case')
            # A step through its own form, by the keyboard: its refusal names the field by its label.
            driver.find_element(By.LINK_TEXT, 'Respond').click()
            arrive('Respond –')
            Select(driver.find_element(By.ID, 'field-outcome')).select_by_value('refused-s12')
            driver.find_element(By.ID, 'field-on').send_keys('3/12/2026', Keys.ENTER)
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.error'))
            assert '“Estimate hours”' in driver.find_element(By.CSS_SELECTOR, '.error').text
            driver.save_screenshot(shots + '/step.png')
            accessible('step')
            # A document enclosed through the disclosure's form, uploaded as it is.
            with open(shots + '/deployments.csv', 'w') as enclosure:
                enclosure.write('Year,Deployments\\n2023,14\\n')
            driver.get(base + '/cases/01.FOI.23.034376/steps/disclose')
            arrive('Disclose –')
            driver.find_element(By.ID, 'field-file').send_keys('The figures are in the enclosed table.')
            driver.find_element(By.ID, 'field-attach').send_keys(shots + '/deployments.csv')
            driver.save_screenshot(shots + '/disclose.png')
            accessible('disclose')
            driver.find_element(By.XPATH, "//button[text()='Record: disclose']").click()
            arrive('01.FOI.23.034376 –')
            # The skip link is the first thing the keyboard reaches, and takes it to the main content.
            driver.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)
            assert driver.switch_to.active_element.text == 'Skip to main content'
            for page, path, title in [('cases', '/cases?status=open&matching=FOI', 'Cases –'),
                                      ('new', '/cases/new', 'Log a new request –'),
                                      ('import', '/import', 'Import a tracker –'),
                                      ('letter', '/cases/004078%2F20/letters/response', 'Response letter –'),
                                      ('figures', '/figures', 'Figures –'), ('users', '/admin/users', 'Users –'),
                                      ('settings', '/admin/settings', 'Settings –')]:
                driver.get(base + path)
                arrive(title)
                driver.save_screenshot(shots + '/' + page + '.png')
                accessible(page)
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
        let (server, port, printed, password) = try startDemoServer(db: workspace.db)
        defer { if server.isRunning { server.terminate() } }
        #expect(printed.hasPrefix("Demo database: \(workspace.db) (5 cases loaded, 0 already there)"))
        let (answer, complaints) = try Browser.run(
            Self.script, base: "http://127.0.0.1:\(port)", shots: workspace.directory.path, [password])
        #expect(answer == "ok\n", "\(complaints.suffix(2_000))")
        for page in [
            "signin", "board", "case", "step", "disclose", "cases", "new", "import", "letter", "figures", "users",
            "settings",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent("\(page).png").path))
        }
        // SIGTERM stops the server cleanly.
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
        let history = try workspace.run(["history", "01.FOI.23.034376"], today: "2026-12-07").stdout
        #expect(history.contains("Chased the Overseas Deployment Unit") && history.contains("Demo admin"))
        let enclosure = workspace.directory.appendingPathComponent("enclosed.csv").path
        _ = try workspace.run(
            ["enclosure", "01.FOI.23.034376", "deployments.csv", "--output", enclosure], today: "2026-12-07")
        #expect(try String(contentsOfFile: enclosure, encoding: .utf8) == "Year,Deployments\n2023,14\n")
    }
}
