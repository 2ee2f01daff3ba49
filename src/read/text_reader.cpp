// Reading a plain-text article, typically a news page saved as text: the lines are
// classified as furniture or article, then the article lines become paragraphs.
//
// Document::text is the kept paragraphs joined by "\n\n": the cleaned text, not the file.
// Every offset (paragraphs here, tokens and sentences later) points into that cleaned
// text, which is what the later stages and the JSON view show.
#include "read/text_reader.hpp"

#include "newskg/core/error.hpp"
#include "read/builder.hpp"
#include "read/decode.hpp"
#include "read/furniture.hpp"

#include <algorithm>
#include <utility>
#include <cctype>
#include <filesystem>

namespace newskg {

namespace detail {

namespace fu = furniture;

namespace {

enum class LineKind {
    Blank,
    Article,   ///< not (yet) recognised as furniture
    Menu,      ///< skip links and navigation lists
    Credit,    ///< photo credit
    Caption,   ///< photo caption
    Byline,    ///< author, editor codes, agency credit
    DateLine,  ///< a bare date
    Boiler,    ///< share, cookie, "read more", section labels, tags
    Title,
};

struct Line {
    std::string_view text;
    std::size_t block = 0; ///< blank-line separated block number
    LineKind kind = LineKind::Article;
};

std::size_t nwords(std::string_view s) { return fu::words(s).size(); }

// A line of running prose: a sentence of some length with its final stop.
bool is_prose(std::string_view s) { return fu::ends_with_stop(s) && nwords(s) >= 8; }

// A headline: short, no final full stop (a question or a quote may end it).
bool headline_like(std::string_view s) {
    const std::size_t n = nwords(s);
    if (n < 2 || n > 30 || s.size() > 250) return false;
    const std::string_view t = fu::trim(s);
    const char last = t.back();
    return last != '.' && last != ',' && last != ';' && last != ':';
}

// A sub-heading between paragraphs: shorter still, no final punctuation, or a short
// question ("What did the UN mission say?").
bool heading_like(std::string_view s) {
    const std::size_t n = nwords(s);
    if (n == 0 || n > 15 || s.size() > 150) return false;
    if (fu::ends_like_prose(s)) {
        const std::string_view t = fu::trim(s);
        return t.back() == '?' && n <= 12;
    }
    return true;
}

class TextReader {
  public:
    TextReader(std::string_view utf8, const std::string& path, const ReadOptions& opt, const TextHints& hints)
        : path_(path), opt_(opt), hints_(hints), content_(normalise_newlines(decode::nfc(utf8))) {}

    Document run() {
        split_lines();
        mark_context_free();
        mark_menus();
        mark_captions();
        const std::size_t title = find_title();
        mark_header_and_trailer(title);
        return assemble();
    }

  private:
    const std::string& path_;
    const ReadOptions& opt_;
    const TextHints& hints_;
    std::string content_;
    std::vector<Line> lines_;
    Document doc_;
    std::optional<DateValue> date_found_;

    static std::string normalise_newlines(std::string s) {
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\r') {
                out += '\n';
                if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            } else if (s[i] == '\f' || s[i] == '\v') {
                out += '\n';
            } else {
                out += s[i];
            }
        }
        return out;
    }

    void split_lines() {
        std::string_view all(content_);
        std::size_t block = 0;
        bool prev_blank = true;
        while (!all.empty()) {
            const auto nl = all.find('\n');
            const std::string_view raw = all.substr(0, nl);
            all = nl == std::string_view::npos ? std::string_view{} : all.substr(nl + 1);
            Line l;
            l.text = fu::trim(raw);
            if (l.text.empty()) {
                l.kind = LineKind::Blank;
                prev_blank = true;
            } else {
                if (prev_blank) ++block;
                prev_blank = false;
            }
            l.block = block;
            lines_.push_back(l);
        }
    }

    // Index of the next (previous) non-blank line, or npos.
    std::size_t next_line(std::size_t i) const {
        for (std::size_t j = i + 1; j < lines_.size(); ++j)
            if (lines_[j].kind != LineKind::Blank) return j;
        return std::string::npos;
    }
    std::size_t prev_line(std::size_t i) const {
        for (std::size_t j = i; j-- > 0;)
            if (lines_[j].kind != LineKind::Blank) return j;
        return std::string::npos;
    }

    void take_byline(const fu::Byline& b) {
        for (const auto& a : b.agencies)
            if (std::find(doc_.agencies.begin(), doc_.agencies.end(), a) == doc_.agencies.end())
                doc_.agencies.push_back(a);
        if (doc_.outlet.empty() && !b.outlet.empty()) doc_.outlet = b.outlet;
        for (const auto& a : b.authors)
            if (a != doc_.outlet && std::find(doc_.authors.begin(), doc_.authors.end(), a) == doc_.authors.end())
                doc_.authors.push_back(a);
    }

    // Furniture that is recognisable from the line alone.
    void mark_context_free() {
        for (auto& l : lines_) {
            if (l.kind == LineKind::Blank) continue;
            if (fu::is_skip_link(l.text)) l.kind = LineKind::Menu;
            else if (auto item = fu::list_item(l.text); item && fu::is_skip_link(*item)) l.kind = LineKind::Menu;
            else if (fu::is_photo_credit(l.text)) l.kind = LineKind::Credit;
            else if (fu::is_boilerplate_line(l.text) || fu::is_banner(l.text)) l.kind = LineKind::Boiler;
            else if (auto d = fu::date_line(l.text)) {
                l.kind = LineKind::DateLine;
                if (!date_found_) date_found_ = d;
            } else if (auto b = fu::byline(l.text, false)) {
                l.kind = LineKind::Byline;
                take_byline(*b);
            }
        }
    }

    // Navigation lists: a run of short list items ("1. Home", "• World") that contains a
    // skip link, or that comes before any prose.
    void mark_menus() {
        bool prose_seen = false;
        for (std::size_t i = 0; i < lines_.size();) {
            if (lines_[i].kind == LineKind::Article && is_prose(lines_[i].text)) prose_seen = true;
            std::size_t j = i;
            bool has_skip = false;
            std::vector<std::size_t> run;
            while (j < lines_.size()) {
                if (lines_[j].kind == LineKind::Blank) {
                    ++j;
                    continue;
                }
                const auto item = fu::list_item(lines_[j].text);
                const bool short_item = item && nwords(*item) <= 6 && !fu::ends_with_stop(*item);
                if (lines_[j].kind == LineKind::Menu) has_skip = true;
                else if (!(lines_[j].kind == LineKind::Article && short_item)) break;
                run.push_back(j);
                ++j;
            }
            if (run.size() >= 2 && (has_skip || !prose_seen))
                for (auto k : run) lines_[k].kind = LineKind::Menu;
            i = run.empty() ? i + 1 : j;
        }
    }

    // Captions: a short line without final stop right before a credit (or right after
    // it in the same block), a line describing a photo, an agency-style dated caption.
    void mark_captions() {
        bool first = true;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            Line& l = lines_[i];
            if (l.kind != LineKind::Article) continue;
            // The first article line is the headline's place: a credit after it, set
            // apart by a blank line, belongs to the picture below the headline.
            const bool headline_place = std::exchange(first, false);
            const std::size_t n = next_line(i), p = prev_line(i);
            const bool short_open = !fu::ends_with_stop(l.text) && nwords(l.text) <= 35;
            if (short_open && n != std::string::npos && lines_[n].kind == LineKind::Credit &&
                (!headline_place || lines_[n].block == l.block))
                l.kind = LineKind::Caption;
            else if (short_open && p != std::string::npos && lines_[p].kind == LineKind::Credit &&
                     lines_[p].block == l.block && nwords(l.text) >= 4)
                l.kind = LineKind::Caption;
            else if (fu::describes_photo(l.text) || fu::is_dated_caption(l.text)) l.kind = LineKind::Caption;
        }
    }

    // The headline: the first headline-like line before any prose. Short labels before
    // it (section names, breadcrumbs) are dropped.
    std::size_t find_title() {
        std::vector<std::size_t> labels;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            Line& l = lines_[i];
            if (l.kind != LineKind::Article) continue;
            if (is_prose(l.text) || (fu::ends_with_stop(l.text) && !headline_like(l.text))) {
                // Prose came before any longer headline: the last short line was the
                // headline after all ("Harbour reopens"); the ones before it were labels.
                if (labels.empty() || hints_.title || nwords(lines_[labels.back()].text) < 2)
                    return std::string::npos;
                const std::size_t t = labels.back();
                labels.pop_back();
                for (auto k : labels) lines_[k].kind = LineKind::Boiler;
                lines_[t].kind = LineKind::Title;
                return t;
            }
            if (hints_.title) {
                if (fu::fold(l.text) == fu::fold(*hints_.title)) {
                    l.kind = LineKind::Title;
                    for (auto k : labels) lines_[k].kind = LineKind::Boiler;
                    return i;
                }
                return std::string::npos;
            }
            if (headline_like(l.text) && nwords(l.text) >= 3) {
                l.kind = LineKind::Title;
                for (auto k : labels) lines_[k].kind = LineKind::Boiler;
                return i;
            }
            if (nwords(l.text) <= 2) {
                labels.push_back(i);
                continue;
            }
            return std::string::npos;
        }
        return std::string::npos;
    }

    // Between headline and first prose line: author lines ("Jane Doe, USA TODAY", a bare
    // name). After the last prose line: short lines without a stop (tags, related links).
    void mark_header_and_trailer(std::size_t title) {
        std::size_t first_prose = std::string::npos, last_prose = std::string::npos;
        for (std::size_t i = 0; i < lines_.size(); ++i)
            if (lines_[i].kind == LineKind::Article && is_prose(lines_[i].text)) {
                if (first_prose == std::string::npos) first_prose = i;
                last_prose = i;
            }
        const std::size_t from = title == std::string::npos ? 0 : title + 1;
        const std::size_t to = first_prose == std::string::npos ? lines_.size() : first_prose;
        for (std::size_t i = from; i < to; ++i) {
            Line& l = lines_[i];
            if (l.kind != LineKind::Article) continue;
            if (auto b = fu::byline(l.text, true)) {
                l.kind = LineKind::Byline;
                take_byline(*b);
            }
        }
        if (last_prose == std::string::npos) return;
        for (std::size_t i = last_prose + 1; i < lines_.size(); ++i) {
            Line& l = lines_[i];
            if (l.kind == LineKind::Article && !fu::ends_with_stop(l.text) && nwords(l.text) <= 8)
                l.kind = LineKind::Boiler;
        }
    }

    // Lines of one block that were hard-wrapped: most of them end mid-sentence and they
    // are of similar length.
    bool wrapped(const std::vector<std::size_t>& group) const {
        if (group.size() < 2) return false;
        std::size_t longest = 0, open = 0;
        for (auto k : group) longest = std::max(longest, lines_[k].text.size());
        if (longest < 40) return false;
        for (std::size_t g = 0; g + 1 < group.size(); ++g) {
            const auto& t = lines_[group[g]].text;
            if (t.size() * 2 < longest) return false;
            if (!fu::ends_with_stop(t)) ++open;
        }
        return open * 3 >= (group.size() - 1) * 2;
    }

    Document assemble() {
        // Group kept lines into paragraphs.
        std::vector<std::string> paras;
        std::vector<std::size_t> group;
        auto flush = [&] {
            if (group.empty()) return;
            if (wrapped(group)) {
                std::string joined;
                for (auto k : group) {
                    const std::string_view t = lines_[k].text;
                    // "cease-\nfire": a hyphen at a line end joins the halves without a space.
                    const bool hyphen_break =
                        !joined.empty() && joined.back() == '-' && std::islower(static_cast<unsigned char>(t[0]));
                    if (!joined.empty() && !hyphen_break) joined += ' ';
                    joined.append(t);
                }
                paras.push_back(std::move(joined));
            } else {
                for (auto k : group) paras.emplace_back(lines_[k].text);
            }
            group.clear();
        };
        std::string title_text;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.kind == LineKind::Title) {
                title_text = std::string(l.text);
                continue;
            }
            // A bulleted line starts a paragraph of its own: list items are separate
            // statements, never joined into one sentence with the line before.
            if (l.kind != LineKind::Article || (!group.empty() && lines_[group.back()].block != l.block) ||
                (!group.empty() && group.back() + 1 != i) || fu::list_item(l.text))
                flush();
            if (l.kind == LineKind::Article) group.push_back(i);
        }
        flush();

        build::DocumentBuilder b(doc_);
        if (hints_.title && !hints_.title->empty()) b.add(ParagraphKind::Title, *hints_.title);
        else if (!title_text.empty()) b.add(ParagraphKind::Title, title_text);
        // A paragraph is a sub-heading when it reads like one and body text follows it.
        std::size_t last_body = std::string::npos;
        for (std::size_t k = 0; k < paras.size(); ++k)
            if (!heading_like(paras[k])) last_body = k;
        bool first_body = true;
        for (std::size_t k = 0; k < paras.size(); ++k) {
            const bool heading = heading_like(paras[k]) && last_body != std::string::npos && k < last_body;
            if (!b.add(heading ? ParagraphKind::Heading : ParagraphKind::Body, paras[k])) continue;
            if (!heading && first_body) {
                first_body = false;
                for (auto& a : fu::dateline_agencies(paras[k]))
                    if (std::find(doc_.agencies.begin(), doc_.agencies.end(), a) == doc_.agencies.end())
                        doc_.agencies.push_back(a);
            }
        }
        doc_.source_path = path_;
        doc_.id = id_from_path(path_);
        doc_.published = opt_.published ? opt_.published : date_found_;
        return std::move(doc_);
    }
};

} // namespace

Document read_plain_text(std::string_view utf8, const std::string& path, const ReadOptions& options,
                         const TextHints& hints) {
    return TextReader(utf8, path, options, hints).run();
}

std::string id_from_path(const std::string& path) {
    if (path == "-" || path.empty()) return "stdin";
    std::string name = std::filesystem::path(path).filename().string();
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view ext : {".gz", ".txt", ".text", ".html", ".htm", ".jsonl", ".json"}) {
            if (name.size() > ext.size()) {
                std::string tail = name.substr(name.size() - ext.size());
                std::transform(tail.begin(), tail.end(), tail.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                if (tail == ext) {
                    name.resize(name.size() - ext.size());
                    stripped = true;
                }
            }
        }
    }
    return name;
}

} // namespace detail

Document read_text_article(std::string content, const std::string& path, const ReadOptions& options) {
    auto t = decode::to_utf8(content, path);
    return detail::read_plain_text(t.utf8, path, options, {});
}

} // namespace newskg
