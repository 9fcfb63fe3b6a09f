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
  // Keep the claim while the page is open: renew the lease every third of it; say so when it was lost.
  var renewForm = document.getElementById("form-renew");
  var renewSeconds = item ? parseInt(item.dataset.renewSeconds || "0", 10) : 0;
  if (renewForm && renewSeconds > 0) {
    var timer = setInterval(function () {
      fetch(renewForm.action, { method: "POST", body: new FormData(renewForm), credentials: "same-origin" }).then(function (r) {
        if (r.status === 409 || r.status === 403) {
          clearInterval(timer);
          var lost = document.createElement("p");
          lost.className = "notice lost";
          lost.textContent = document.documentElement.lang === "en"
            ? "Your claim on this post has lapsed; reload before deciding."
            : "이 게시물의 검토 권한이 만료되었습니다. 판정 전에 새로 고치세요.";
          item.insertBefore(lost, item.firstChild);
        }
      }, function () { /* offline: try again at the next tick */ });
    }, renewSeconds * 1000);
  }
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
