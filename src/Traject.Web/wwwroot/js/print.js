// A print button for the pages written to be printed (the dossier summary, the safety plan, her own plan, the
// missing-person report). Without JavaScript the button stays hidden and the page says how to print it (Ctrl+P).
document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
