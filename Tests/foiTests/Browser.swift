import Foundation

/// A Selenium script in headless Chromium, driven through Debian's chromedriver (given as the `Service` path, with
/// `SE_OFFLINE=true`, so that Selenium never fetches a driver).
enum Browser {
    /// What every script starts with: `base` (the server's address) and `shots` (where screenshots go) from its
    /// arguments, the server waited for, `driver`, `arrive(title)` and `accessible(page)`.
    static let preamble = """
        import sys, time, urllib.request
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import Select, WebDriverWait
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
        def arrive(title):
            # A click's navigation is done when the new page's title is there: reading before would read the old
            # page (or an element of it gone stale).
            WebDriverWait(driver, 10).until(lambda d: d.title.startswith(title))
        def accessible(page):
            # Chromium's accessibility tree: every control named, the main and banner landmarks, headings from one
            # h1 down with no level skipped.
            nodes = driver.execute_cdp_cmd('Accessibility.getFullAXTree', {})['nodes']
            def role(node): return node.get('role', {}).get('value')
            def name(node): return node.get('name', {}).get('value', '').strip()
            controls = [n for n in nodes if role(n) in ('button', 'textbox', 'link', 'checkbox', 'combobox', 'listbox')
                and not n.get('ignored')]
            assert controls and all(name(n) for n in controls), (page, [role(n) for n in controls if not name(n)])
            roles = {role(n) for n in nodes if not n.get('ignored')}
            assert {'main', 'banner'} <= roles, (page, roles)
            levels = [next((p['value']['value'] for p in n.get('properties', []) if p['name'] == 'level'), 0)
                for n in nodes if role(n) == 'heading' and not n.get('ignored')]
            assert levels and levels[0] == 1 and levels.count(1) == 1, (page, levels)
            assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (page, levels)
        """

    /// Runs `body` after the preamble, with `base`, `shots` and `arguments` as `sys.argv[1...]`: what it printed and
    /// what it complained of.
    static func run(_ body: String, base: String, shots: String, _ arguments: [String]) throws -> (String, String) {
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        browser.arguments = ["python3", "-c", preamble + "\n" + body, base, shots] + arguments
        browser.environment = ProcessInfo.processInfo.environment.merging(["SE_OFFLINE": "true"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        browser.standardOutput = output
        browser.standardError = errors
        try launch(browser)
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        return (answer, complaints)
    }
}
