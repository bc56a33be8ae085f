// Read a question aloud with the browser's own speech synthesis (no audio leaves the device).
// The buttons are hidden in the HTML and only shown when speech synthesis exists, so a device
// without it shows a short note instead of buttons that do nothing.
(function () {
  "use strict";
  var container = document.querySelector(".questionnaire");
  if (!container) return;
  var lang = container.getAttribute("data-lang") || "nl";
  var buttons = container.querySelectorAll(".q-speak");
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    var note = container.querySelector(".q-no-speech");
    if (note) note.hidden = false;
    return;
  }
  var bcp47 = { nl: "nl-NL", en: "en-GB", tr: "tr-TR", ar: "ar-SA" };

  function pickVoice() {
    // Prefer an exact regional voice, then any voice of the language; else the browser default.
    var voices = synth.getVoices() || [];
    var wanted = (bcp47[lang] || lang).toLowerCase();
    var exact = null;
    var loose = null;
    for (var i = 0; i < voices.length; i++) {
      var v = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (v === wanted && !exact) exact = voices[i];
      if (v.split("-")[0] === lang && !loose) loose = voices[i];
    }
    return exact || loose;
  }

  function textFor(button) {
    var target = document.getElementById(button.getAttribute("data-speak"));
    if (!target) return "";
    var parts = [target.textContent.trim()];
    var item = button.closest(".q-item");
    // Spoken options help people who cannot read the answers; a 0-10 scale is read as its ends.
    if (item && item.getAttribute("data-kind") !== "scale_0_10") {
      item.querySelectorAll(".q-choice-label").forEach(function (label) {
        parts.push(label.textContent.trim());
      });
    } else if (item) {
      var anchors = item.querySelector(".q-anchors");
      if (anchors) parts.push(anchors.textContent.trim());
    }
    return parts.join(". ");
  }

  function speak(button) {
    synth.cancel(); // one voice at a time: a new tap interrupts the previous question
    var utterance = new window.SpeechSynthesisUtterance(textFor(button));
    utterance.lang = bcp47[lang] || lang;
    var voice = pickVoice();
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    button.classList.add("speaking");
    utterance.onend = utterance.onerror = function () {
      button.classList.remove("speaking");
    };
    try {
      synth.speak(utterance);
    } catch (e) {
      button.classList.remove("speaking");
    }
  }

  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      speak(button);
    });
  });
})();
