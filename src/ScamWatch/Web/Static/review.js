// Keyboard-first review: j/k move, Enter opens, c/n/e decide, ? shows the keys. No inline script (CSP).
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr"));
  var current = rows.length ? 0 : -1;
  function select(i) {
    if (!rows.length) return;
    if (current >= 0) rows[current].classList.remove("selected");
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows[current].classList.add("selected");
    rows[current].scrollIntoView({ block: "nearest" });
  }
  if (rows.length) select(0);
  var item = document.querySelector(".item");
  function submit(id) {
    var form = document.getElementById(id);
    if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
  }
  document.addEventListener("keydown", function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    var keys = document.getElementById("keys");
    switch (e.key) {
      case "j":
        if (rows.length) select(current + 1); else if (item && item.dataset.next) location.href = item.dataset.next;
        break;
      case "k":
        if (rows.length) select(current - 1); else if (item && item.dataset.prev) location.href = item.dataset.prev;
        break;
      case "Enter":
        if (rows.length && current >= 0) location.href = rows[current].dataset.href;
        else return;
        break;
      case "c": submit("form-confirm"); break;
      case "n": submit("form-reject"); break;
      case "e": submit("form-escalate"); break;
      case "?": if (keys) keys.hidden = !keys.hidden; break;
      default: return;
    }
    e.preventDefault();
  });
})();
