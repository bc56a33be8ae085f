// Plan-a-session form: show only the rooms of the chosen location (rooms are grouped per location).
(function () {
  "use strict";
  var room = document.querySelector("select[data-rooms-for]");
  if (!room) { return; }
  var location = document.getElementById(room.dataset.roomsFor);
  function locationName() {
    var option = location.options[location.selectedIndex];
    if (!option || !option.value) { return null; }
    var parts = option.text.split(" · ");
    return parts[parts.length - 1];
  }
  function filterRooms() {
    var name = locationName();
    Array.prototype.forEach.call(room.querySelectorAll("optgroup"), function (group) {
      var show = name === null || group.label === name;
      group.hidden = !show;
      group.disabled = !show;
      if (!show && group.contains(room.options[room.selectedIndex])) { room.value = ""; }
    });
  }
  location.addEventListener("change", filterRooms);
  filterRooms();
})();
