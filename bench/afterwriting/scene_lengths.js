// Per-scene lengths as afterwriting (npm, MIT) computes them, for bench/scene_lengths.py.
// Usage: node scene_lengths.js SCRIPT.fountain  ->  JSON on stdout.
// It follows afterwriting's own defaults: US letter profile (55 lines a page), scene length =
// the printed lines of every token from a scene heading to the next (its stats "scene length").
"use strict";
const fs = require("fs");
const path = require("path");
const { parser, helpers } = require("aw-parser");
const { Liner } = require("aw-liner");

function loadPrintProfiles() {
  // print-profiles.js is an AMD module; give it the two things it asks for.
  const file = require.resolve("afterwriting/js/utils/print-profiles.js");
  let exported;
  const define = (factory) => {
    exported = factory((name) => {
      if (name === "utils/browser") return { url_params: () => ({}) };
      return { withNewFontSize: (profile) => profile };
    });
  };
  new Function("define", fs.readFileSync(file, "utf8"))(define);
  return exported;
}

const profile = loadPrintProfiles().usletter;
const script = fs.readFileSync(process.argv[2], "utf8");
const parsed = parser.parse(script, {
  print_headers: true, print_actions: true, print_dialogues: true, print_notes: false,
  print_sections: false, print_synopsis: false, each_scene_on_new_page: false,
  double_space_between_scenes: false, use_dual_dialogue: true, merge_multiple_empty_lines: true,
});
const lines = new Liner(helpers).line(parsed.tokens, {
  print: profile, text_more: "(MORE)", text_contd: "(CONT'D)", split_dialogue: true,
});
const scenes = [];
for (const token of parsed.tokens) {
  if (token.type === "scene_heading") scenes.push({ heading: token.text, lines: 0 });
  if (scenes.length && token.lines) scenes[scenes.length - 1].lines += token.lines.length;
}
const perEighth = profile.lines_per_page / 8;
const pages = lines.filter((line) => line.type === "page_break").length + 1;
process.stdout.write(JSON.stringify({
  script: path.basename(process.argv[2]),
  lines_per_page: profile.lines_per_page,
  pages,
  scenes: scenes.map((s) => ({ ...s, eighths: Math.max(1, Math.round(s.lines / perEighth)) })),
}));
