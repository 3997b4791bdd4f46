// Istruttoria: sort the table by a column and filter it by class and state.
// Progressive enhancement: without this script the table is complete and readable as the server sent it.
(function () {
  "use strict";
  var tabella = document.getElementById("tabella-istruttoria");
  if (!tabella) { return; }
  var corpo = tabella.tBodies[0];
  var intestazioni = Array.prototype.slice.call(tabella.tHead.rows[0].cells);

  function valore(riga, indice, tipo) {
    var cella = riga.cells[indice];
    var testo = cella.getAttribute("data-valore");
    if (testo === null) { testo = cella.textContent.trim(); }
    return tipo === "numero" ? parseFloat(testo) : testo;
  }

  function ordina(indice) {
    var th = intestazioni[indice];
    var tipo = th.getAttribute("data-tipo") || "testo";
    var crescente = th.getAttribute("aria-sort") !== "ascending";
    var righe = Array.prototype.slice.call(corpo.rows);
    righe.sort(function (a, b) {
      var x = valore(a, indice, tipo), y = valore(b, indice, tipo);
      var c = tipo === "numero" ? x - y : String(x).localeCompare(String(y), "it");
      return crescente ? c : -c;
    });
    righe.forEach(function (r) { corpo.appendChild(r); });
    intestazioni.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", crescente ? "ascending" : "descending");
  }

  intestazioni.forEach(function (th, indice) {
    var pulsante = document.createElement("button");
    pulsante.type = "button";
    pulsante.className = "ordina";
    pulsante.textContent = th.textContent;
    pulsante.setAttribute("aria-label", "Ordina per " + (th.getAttribute("data-nome") || th.textContent));
    pulsante.addEventListener("click", function () { ordina(indice); });
    th.textContent = "";
    th.appendChild(pulsante);
  });

  var filtri = document.getElementById("filtri");
  var conteggio = document.getElementById("conteggio-righe");
  var selezioni = Array.prototype.slice.call(document.querySelectorAll("[data-filtro]"));
  function filtra() {
    var visibili = 0;
    Array.prototype.forEach.call(corpo.rows, function (riga) {
      var mostra = selezioni.every(function (s) {
        return !s.value || riga.getAttribute("data-" + s.getAttribute("data-filtro")) === s.value;
      });
      riga.hidden = !mostra;
      if (mostra) { visibili += 1; }
    });
    conteggio.textContent = visibili + " profili su " + corpo.rows.length;
  }
  selezioni.forEach(function (s) { s.addEventListener("change", filtra); });
  if (filtri) { filtri.hidden = false; filtra(); }
})();
