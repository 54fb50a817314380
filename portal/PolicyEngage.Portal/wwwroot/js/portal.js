// The portal works without script; this only adds comfort. It never sees the session's token (an HttpOnly cookie).
(function () {
  "use strict";

  // Times are shown in the reader's time zone once the server knows it.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + encodeURIComponent(zone)) === -1) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=strict";
    }
  } catch (e) { /* no Intl: UTC it is */ }

  // Live preview: an element with data-preview-of="<field id>" shows that field's text as the reader types, as text
  // (never as markup).
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-preview-of]").forEach(function (preview) {
      var field = document.getElementById(preview.getAttribute("data-preview-of"));
      if (!field) return;
      var show = function () { preview.textContent = field.value; };
      field.addEventListener("input", show);
      show();
    });
    // A form whose data-confirm says so asks before it sends (withdrawing a paper, say); the server asks too.
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
    // After a refused form, the summary of what to fix takes the focus, so a screen reader hears it first.
    var problems = document.getElementById("problems");
    if (problems) problems.focus();
  });
})();
