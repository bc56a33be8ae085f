// Book-a-professional form: the table only matters for the place "At a table".
(function () {
  "use strict";
  var role = document.getElementById("id_role");
  var station = document.getElementById("id_station");
  if (!role || !station) { return; }
  var field = station.closest(".field");
  function toggle() { field.hidden = role.value !== "station"; }
  role.addEventListener("change", toggle);
  toggle();
})();
