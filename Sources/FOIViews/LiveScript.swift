extension WebPages {
    /// The one script of foi-server (served at `/static/live.js`, so that the Content-Security-Policy allows no
    /// inline script): a page marked live (the board, a case) asks `/events` whether a step was recorded since it
    /// was drawn, and is drawn again when one was; where something has been typed into it, it says so instead and
    /// keeps what was typed. Every page works without it.
    public static let liveScript = """
        (function () {
          "use strict";
          var main = document.getElementById("main");
          var source = main && main.getAttribute("data-live");
          if (!source || !window.EventSource) { return; }
          var drawn = main.getAttribute("data-version");
          var events = new EventSource(source + (source.indexOf("?") < 0 ? "?" : "&") + "since=" + drawn);
          events.onmessage = function (message) {
            if (message.data === drawn) { return; }
            events.close();
            var typed = Array.prototype.some.call(
              main.querySelectorAll("input[type=text], textarea"),
              function (field) { return field.value !== field.defaultValue; });
            if (!typed) { window.location.reload(); return; }
            var notice = document.createElement("p");
            notice.className = "notice";
            notice.setAttribute("role", "status");
            notice.appendChild(document.createTextNode("A step was recorded since this page was drawn: "));
            var again = document.createElement("a");
            again.href = window.location.href;
            again.appendChild(document.createTextNode("read it again"));
            notice.appendChild(again);
            notice.appendChild(document.createTextNode(" (what you typed here is not recorded yet)."));
            main.insertBefore(notice, main.firstChild);
          };
        })();

        """
}
