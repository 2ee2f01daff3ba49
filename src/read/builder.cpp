#include "read/builder.hpp"

#include "read/decode.hpp"
#include "text/unicode_util.hpp"

namespace newskg::build {

std::string clean_paragraph(std::string_view text) {
    const std::string n = decode::nfc(text);
    std::string out;
    out.reserve(n.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < n.size();) {
        const auto cp = uc::decode(n, i);
        const std::string_view bytes = std::string_view(n).substr(i, cp.len);
        i += cp.len;
        // Invisible characters that only break words apart for the tokenizer: soft hyphen,
        // zero-width space/joiners, word joiner, BOM; other controls too.
        if (cp.cp == 0xAD || cp.cp == 0x200B || cp.cp == 0x200C || cp.cp == 0x2060 || cp.cp == 0xFEFF)
            continue;
        if (uc::is_space(cp.cp) || (cp.cp < 0x20) || cp.cp == 0x7F || (cp.cp >= 0x80 && cp.cp < 0xA0)) {
            pending_space = !out.empty();
            continue;
        }
        if (cp.cp == 0xFFFD && cp.len == 1) continue; // stray invalid byte
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(bytes);
    }
    return out;
}

bool DocumentBuilder::add(ParagraphKind kind, std::string_view text) {
    const std::string p = clean_paragraph(text);
    if (p.empty()) return false;
    if (!doc_.text.empty()) doc_.text += "\n\n";
    Paragraph para;
    para.kind = kind;
    para.span.begin = doc_.text.size();
    doc_.text += p;
    para.span.end = doc_.text.size();
    doc_.paragraphs.push_back(para);
    if (kind == ParagraphKind::Title && doc_.title.empty()) doc_.title = p;
    return true;
}

} // namespace newskg::build

namespace newskg::build {
void prepend_title(Document& doc, std::string_view title) {
    const std::string t = clean_paragraph(title);
    if (t.empty()) return;
    const std::size_t shift = doc.text.empty() ? t.size() : t.size() + 2;
    for (auto& p : doc.paragraphs) {
        p.span.begin += shift;
        p.span.end += shift;
    }
    doc.text = doc.text.empty() ? t : t + "\n\n" + doc.text;
    doc.paragraphs.insert(doc.paragraphs.begin(), Paragraph{CharSpan{0, t.size()}, ParagraphKind::Title});
    doc.title = t;
}
} // namespace newskg::build
