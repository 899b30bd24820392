// Drag and drop on the pipeline board: dropping a card on a column submits the card's own
// move form with that status, as its button would. Only the moves the card allows are
// accepted. Without this script the buttons do the same.
(function () {
  "use strict";
  var dragged = null;
  function allowed(card, column) {
    var moves = (card.getAttribute("data-moves") || "").split(" ");
    return moves.indexOf(column.getAttribute("data-status")) !== -1;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var cards = document.querySelectorAll(".board-card[data-moves]");
    Array.prototype.forEach.call(cards, function (card) {
      if (!card.getAttribute("data-moves")) { return; }
      card.setAttribute("draggable", "true");
      card.addEventListener("dragstart", function (event) {
        dragged = card;
        event.dataTransfer.setData("text/plain", card.getAttribute("data-id"));
      });
      card.addEventListener("dragend", function () { dragged = null; });
    });
    var columns = document.querySelectorAll(".board .column");
    Array.prototype.forEach.call(columns, function (column) {
      column.addEventListener("dragover", function (event) {
        if (dragged && allowed(dragged, column)) {
          event.preventDefault();
          column.classList.add("drop-ok");
        }
      });
      column.addEventListener("dragleave", function () { column.classList.remove("drop-ok"); });
      column.addEventListener("drop", function (event) {
        column.classList.remove("drop-ok");
        if (!dragged || !allowed(dragged, column)) { return; }
        event.preventDefault();
        var form = dragged.querySelector("form.move-buttons");
        var status = column.getAttribute("data-status");
        var button = form && form.querySelector('button[name="status"][value="' + status + '"]');
        if (button) {
          if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
        }
      });
    });
  });
}());
