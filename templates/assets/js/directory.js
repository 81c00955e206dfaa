// Filters the mentor directory in the page: the list itself is plain HTML and works without this script.
(function () {
  "use strict";
  var form = document.getElementById("directory-filters");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".mentor-card"));
  var count = document.getElementById("directory-count");
  var empty = document.getElementById("directory-empty");
  function value(name) {
    var field = form.elements[name];
    return field ? (field.type === "checkbox" ? field.checked : field.value) : "";
  }
  function apply() {
    var topic = value("expertise"), department = value("department"), location = value("location");
    var room = value("capacity"), shown = 0;
    cards.forEach(function (card) {
      var topics = (card.getAttribute("data-expertise") || "").split("|");
      var ok = (!topic || topics.indexOf(topic) >= 0)
        && (!department || card.getAttribute("data-department") === department)
        && (!location || card.getAttribute("data-location") === location)
        && (!room || Number(card.getAttribute("data-capacity") || "0") > 0);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown === cards.length ? cards.length + " mentors" : shown + " of " + cards.length + " mentors";
    empty.hidden = shown !== 0;
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
