// Drag a strip onto another strip (it goes before it) or onto a day (it goes last):
// the same move form the page offers without JavaScript is sent through htmx.
// Days off, travel days and holidays have no data-day: a strip cannot be dropped there.
(function () {
  "use strict";
  const board = document.getElementById("board");
  if (!board || !board.dataset.editable) return;
  let dragged = null;
  board.addEventListener("dragstart", (event) => {
    dragged = event.target.closest("li.strip");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });
  board.addEventListener("dragover", (event) => {
    if (dragged && event.target.closest(".board-day[data-day]")) event.preventDefault();
  });
  board.addEventListener("drop", (event) => {
    const day = event.target.closest(".board-day[data-day]");
    if (!dragged || !day) return;
    event.preventDefault();
    const onto = event.target.closest("li.strip");
    const strips = [...day.querySelectorAll("li.strip")].filter((s) => s !== dragged);
    const position = onto && onto !== dragged ? strips.indexOf(onto) : strips.length;
    const form = dragged.querySelector("form.move");
    form.querySelector("[name=day]").value = day.dataset.day;
    form.querySelector("[name=day_number]").value = ""; // the day goes by its key
    form.querySelector("[name=position]").value = String(position);
    htmx.trigger(form, "submit");
    dragged = null;
  });
})();
