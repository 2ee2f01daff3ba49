#pragma once
// The HTML page's template files (page.html, page.css, page.js in this folder), compiled
// in as strings by embed.cmake so the page needs no files at run time and the template
// stays plain HTML, CSS and JavaScript that can be read and linted as such.
namespace newskg::page {
extern const char* const kHtml; ///< page.html, with {{TITLE}}, {{STYLE}}, {{SVG}}, {{DATA}}, {{SCRIPT}}
extern const char* const kCss;  ///< page.css
extern const char* const kJs;   ///< page.js
} // namespace newskg::page
