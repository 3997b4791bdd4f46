// The profile form without a round trip: add rows, fill a Comune's ISTAT code and population from the list.
// Without this script every button still works: the server re-renders the form with one more row.
(function () {
  "use strict";
  var modulo = document.getElementById("modulo-profilo");
  if (!modulo) { return; }

  function comuniRegione() {
    var out = {};
    var opzioni = document.querySelectorAll("#comuni-er option");
    for (var i = 0; i < opzioni.length; i++) {
      out[opzioni[i].value.toLowerCase()] = opzioni[i];
    }
    return out;
  }
  var registro = comuniRegione();

  function campoVicino(input, chiave) {
    var nome = input.name.replace(/\[[^\[\]]*\]$/, "[" + chiave + "]");
    return modulo.querySelector('[name="' + nome.replace(/"/g, '\\"') + '"]');
  }

  function nomiComuni() {
    var nomi = [];
    var campi = modulo.querySelectorAll("input[data-comune-er]");
    for (var i = 0; i < campi.length; i++) {
      if (campi[i].value.trim()) { nomi.push(campi[i].value.trim()); }
    }
    return nomi;
  }

  function aggiornaComuniUnione() {
    var lista = document.getElementById("comuni-unione");
    if (!lista) { return; }
    lista.textContent = "";
    nomiComuni().forEach(function (nome) {
      var opzione = document.createElement("option");
      opzione.value = nome;
      lista.appendChild(opzione);
    });
  }

  // Choosing a Comune fills its ISTAT code and population (only where the person has not typed them).
  function scegliComune(input) {
    var trovato = registro[input.value.trim().toLowerCase()];
    var istat = campoVicino(input, "istat");
    var popolazione = campoVicino(input, "popolazione");
    [[istat, trovato && trovato.dataset.istat], [popolazione, trovato && trovato.dataset.popolazione]].forEach(function (coppia) {
      var campo = coppia[0];
      if (!campo) { return; }
      if (coppia[1] && (!campo.value || campo.dataset.compilato === "1")) {
        campo.value = coppia[1];
        campo.dataset.compilato = "1";
      } else if (!coppia[1] && campo.dataset.compilato === "1") {
        campo.value = "";
        campo.dataset.compilato = "";
      }
    });
    aggiornaComuniUnione();
  }

  modulo.addEventListener("input", function (evento) {
    var t = evento.target;
    if (t.matches && t.matches("input[data-comune-er]")) { scegliComune(t); }
    else if (t.dataset && t.dataset.compilato) { t.dataset.compilato = ""; }
  });

  // A new row from the list's own model: its placeholder index becomes the next free one.
  function aggiungiRiga(elenco) {
    var modello = null;
    for (var i = 0; i < elenco.children.length; i++) {
      if (elenco.children[i].tagName === "TEMPLATE") { modello = elenco.children[i]; }
    }
    if (!modello) { return null; }
    var indice = parseInt(elenco.dataset.prossimo || "0", 10);
    var segnaposto = elenco.dataset.segnaposto;
    var numero = segnaposto.slice(0, -2) + "n__";
    var html = modello.innerHTML.split(segnaposto).join(String(indice)).split(numero).join(String(indice + 1));
    var righe = elenco.querySelector(".righe");
    righe.insertAdjacentHTML("beforeend", html);
    elenco.dataset.prossimo = String(indice + 1);
    return righe.lastElementChild;
  }

  modulo.addEventListener("click", function (evento) {
    var pulsante = evento.target.closest ? evento.target.closest("button.aggiungi") : null;
    if (!pulsante) { return; }
    var elenco = pulsante.closest("[data-elenco]");
    if (!elenco) { return; }
    evento.preventDefault();
    var riga = aggiungiRiga(elenco);
    if (!riga) { return; }
    if (elenco.dataset.elenco === "funzioni") {
      // a new function comes with one conferral row per member Comune, as the server does
      var conferimenti = riga.querySelector("[data-elenco$='[conferimenti]']");
      nomiComuni().forEach(function (nome) {
        var r = aggiungiRiga(conferimenti);
        var campo = r && r.querySelector("input[name$='[comune]']");
        if (campo) { campo.value = nome; }
      });
    }
    var primo = riga.querySelector("input, select");
    if (primo) { primo.focus(); }
  });

  var riepilogo = document.getElementById("riepilogo-errori");
  if (riepilogo) { riepilogo.focus(); }
})();
