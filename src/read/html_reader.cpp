// HTML article extraction.
//
// 1. Metadata first (headline, date, outlet, URL) from JSON-LD, <meta>, microdata, <time>
//    and <h1>, before anything is removed (the order is in choose_title and published).
// 2. Elements that show no text (script, style, images, form fields, anything hidden)
//    are removed. Page furniture (nav, aside, header, footer, figure, forms, ARIA
//    navigation/banner roles, and class/id words such as share, social, related, comments,
//    cookie, newsletter, ad) is only flagged: it stays in the tree so that it weighs
//    against any container that holds it, and it is never output. An element that holds
//    most of the page's paragraph text is never furniture, whatever its class says.
// 3. The page is cut into text blocks at block-level elements (and at <br><br>, bullets,
//    headline and date lines). Each block gets a hand-set score (positive for prose,
//    negative for link lists, short fragments and furniture; teaser cards and what
//    follows a "Related", "Most read" or comments heading are marked down), then the
//    learned page scorer (block_model.hpp) rates it from that and from signals every page
//    has, and its verdict replaces the score. The main content is the element whose
//    blocks sum highest, a maximum-sum subtree: it takes in every paragraph of the
//    article and leaves out the menus and lists around it. When the page has one <main>
//    holding most of the prose, the search stays inside it.
// 4. The learned block scorer keeps blocks of (and near) that element; the hand rules'
//    choice is one of its signals. Line recognisers then drop what is never running
//    text whatever the scorers say (the headline, bylines, date lines, captions, credits,
//    banners, boilerplate), pull quotes and repeated widgets go, and the rest becomes
//    paragraphs.
#include "read/html_reader.hpp"

#include "newskg/core/error.hpp"
#include "newskg/text/analyse.hpp"
#include "read/block_model.hpp"
#include "read/builder.hpp"
#include "read/decode.hpp"
#include "read/furniture.hpp"
#include "read/html_limits.hpp"
#include "read/section_heading.hpp"
#include "read/text_reader.hpp"
#include "text/unicode_util.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace newskg {

namespace detail {

namespace fu = furniture;

namespace {

std::string_view name_of(const xmlNode* n) {
    return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view{};
}

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

bool is_block_tag(std::string_view t) {
    return one_of(t, {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
                      "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
                      "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol",
                      "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
                      "caption", "legend", "noscript", "frameset", "frame"});
}

int heading_level(std::string_view t) {
    if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return t[1] - '0';
    return 0;
}

// Words of a class or id: split at non-letters and at camelCase humps, lower-cased
// ("article-body__content" → article, body, content; "shareBar" → share, bar).
std::vector<std::string> class_words(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(lower(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (std::isalpha(static_cast<unsigned char>(c))) {
            if (std::isupper(static_cast<unsigned char>(c)) && !cur.empty() &&
                std::islower(static_cast<unsigned char>(cur.back())))
                flush();
            cur += c;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

enum Signal : unsigned { kNone = 0, kNegative = 1, kPositive = 2, kHidden = 4 };

// What an element's class and id say about it.
unsigned class_signal(const xmlNode* n) {
    const std::string cls = attr(n, "class"), id = attr(n, "id");
    if (cls.empty() && id.empty()) return kNone;
    unsigned sig = kNone;

    // Whole class tokens that mean "not shown".
    for (const auto& tok : fu::words(cls))
        if (one_of(lower(std::string(tok)), {"hidden", "hide", "d-none", "sr-only", "visually-hidden",
                                               "screen-reader-text", "visuallyhidden", "offscreen", "is-hidden"}))
            sig |= kHidden;
    static constexpr std::array<std::string_view, 64> kNegWords{
        "comment", "comments", "share", "sharing", "shares", "social", "related", "recommended", "recommend",
        "recommendations", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
        "promo", "promotion", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "sidebar",
        "widget", "breadcrumb", "breadcrumbs", "popup", "modal", "paywall", "signup", "byline", "author",
        "caption", "credit", "credits", "tags", "tag", "toolbar", "masthead", "skip", "footer", "header",
        "nav", "navigation", "menu", "print", "pagination", "pager", "timestamp", "dateline", "outbrain",
        "taboola", "disqus", "excerpt", "teaser", "copyright", "rail", "carousel", "slider", "swiper",
        "ticker"};
    static constexpr std::array<std::string_view, 13> kNegParts{
        "sharebar", "sharing", "socialmedia", "newsletter", "advert", "sponsor", "sidebar", "breadcrumb",
        "outbrain", "taboola", "disqus", "paywall", "related"};
    static constexpr std::array<std::string_view, 14> kPosWords{
        "article", "content", "story", "post", "entry", "main", "body", "text", "prose", "blog",
        "articlebody", "storybody", "richtext", "news"};
    // WordPress and similar systems label the article element with its taxonomy
    // ("tag-diy", "category-books"): those tokens say nothing about the element itself.
    std::string own;
    // Named: words() returns views into its argument, which a temporary in the range
    // expression would not outlive (heap-use-after-free found by fuzz_html_reader).
    const std::string cls_and_id = cls + " " + id;
    for (const auto& tok : fu::words(cls_and_id)) {
        const std::string l = lower(std::string(tok));
        if (l.rfind("tag-", 0) == 0 || l.rfind("category-", 0) == 0 || l.rfind("categories-", 0) == 0) continue;
        own += l;
        own += ' ';
    }
    for (const auto& w : class_words(own)) {
        if (std::find(kNegWords.begin(), kNegWords.end(), w) != kNegWords.end()) sig |= kNegative;
        if (std::find(kPosWords.begin(), kPosWords.end(), w) != kPosWords.end()) sig |= kPositive;
    }
    for (auto p : kNegParts)
        if (own.find(p) != std::string::npos) sig |= kNegative;
    return sig;
}

struct Stats {
    std::size_t text = 0;  ///< characters of text (code points, white space collapsed)
    std::size_t link = 0;  ///< of which inside <a>
    std::size_t para = 0;  ///< of which inside <p>, outside links
};

struct Block {
    xmlNode* owner = nullptr; ///< innermost block-level element holding the text
    std::string text;
    std::size_t chars = 0;
    std::size_t link_chars = 0;
    int heading = 0;          ///< 1..6 for <h1>…<h6>
    bool bold_only = false;   ///< all its text inside <b>/<strong>
    bool junk = false;        ///< inside an element judged to be furniture
    bool teaser = false;      ///< summary in a teaser card (see mark_down_teasers)
    double score = 0;
    mutable std::optional<bool> furniture; ///< furniture_line(), once known (it is asked often)
};

struct Meta {
    struct LdArticle {
        std::string headline;
        std::optional<DateValue> published;
        std::vector<std::string> authors; ///< its `author` people, in order
    };
    std::vector<LdArticle> ld_articles; ///< every JSON-LD article object, in page order
    std::optional<DateValue> published_ld_page; ///< first datePublished of any JSON-LD article or page
    std::string og_title, ld_body, html_title, site_name, ld_publisher, url, description;
    std::optional<DateValue> published_meta, published_other, published_time;
    std::string twitter_title;
    std::vector<std::string> meta_authors; ///< <meta name="author"> and article:author names
    struct H1 {
        std::string text;
        bool in_article = false; ///< inside <article>, <main> or an element marked as the article
    };
    std::vector<H1> h1s;
};

std::size_t count_chars(std::string_view s) { return uc::length(s); }

// Text with white space collapsed; appends to `out`, tracking whether a space is pending.
void append_collapsed(std::string& out, std::string_view s, bool& space) {
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = uc::decode(s, i);
        if (uc::is_space(cp.cp)) {
            space = true;
        } else {
            if (space && !out.empty()) out += ' ';
            space = false;
            out.append(s.substr(i, cp.len));
        }
        i += cp.len;
    }
}

std::string node_text(const xmlNode* n) {
    std::string out;
    bool space = false;
    std::function<void(const xmlNode*)> rec = [&](const xmlNode* c) {
        for (; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) append_collapsed(out, reinterpret_cast<const char*>(c->content), space);
            } else if (c->type == XML_ELEMENT_NODE) {
                if (one_of(name_of(c), {"script", "style", "noscript", "template"})) continue;
                if (is_block_tag(name_of(c)) || name_of(c) == "br") space = true;
                rec(c->children);
                if (is_block_tag(name_of(c))) space = true;
            }
        }
    };
    rec(n->children);
    return out;
}

// "Headline | Site" → "Headline": drop a trailing (or leading) site name from <title>.
std::string strip_site_suffix(const std::string& title, const std::string& site) {
    for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 "}) {
        const auto pos = title.rfind(sep);
        if (pos != std::string::npos && pos > 10) {
            const std::string tail = title.substr(pos + sep.size());
            if (fu::words(tail).size() <= 5 || (!site.empty() && fu::fold(tail) == fu::fold(site)))
                return title.substr(0, pos);
        }
    }
    return title;
}

// Shingle-free similarity for short strings: share of the words of `a` found in `b`.
double word_overlap(const std::string& a, const std::string& b) {
    const auto wa = fu::words(a);
    if (wa.empty()) return 0;
    const std::string fb = " " + fu::fold(b) + " ";
    std::size_t hit = 0;
    for (auto w : wa)
        if (fb.find(" " + fu::fold(w) + " ") != std::string::npos) ++hit;
    return static_cast<double>(hit) / static_cast<double>(wa.size());
}

// Folded word pairs of a text ("the minister", "minister said"): a block whose pairs are
// in JSON-LD articleBody is article text, whatever its markup.
std::unordered_set<std::string> word_ngrams(const std::string& text) {
    std::unordered_set<std::string> out;
    if (text.empty()) return out;
    // Named: words() returns views into its argument, which a temporary would not outlive.
    const std::string folded = fu::fold(text);
    const auto ws = fu::words(folded);
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) out.insert(std::string(ws[i]) + " " + std::string(ws[i + 1]));
    if (ws.size() == 1) out.insert(std::string(ws[0]));
    return out;
}

double ngram_overlap(const std::string& text, const std::unordered_set<std::string>& set) {
    if (set.empty()) return 0;
    const auto grams = word_ngrams(text);
    if (grams.empty()) return 0;
    std::size_t hit = 0;
    for (const auto& g : grams) hit += set.count(g);
    return static_cast<double>(hit) / static_cast<double>(grams.size());
}

class Extractor {
  public:
    Extractor(std::string_view page, const std::string& path, const ReadOptions& opt) : path_(path), opt_(opt) {
        // Excess attributes go before libxml2 sees the page (its attribute lists are quadratic).
        const std::optional<std::string> limited = drop_excess_attributes(page, kMaxHtmlAttributes, attributes_dropped_);
        const std::string_view utf8 = limited ? std::string_view(*limited) : page;
        // No network, no error output, recover from broken markup; the bytes are already
        // UTF-8 (decoded by the caller), so a <meta charset> in the page must not re-decode them.
        const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                            HTML_PARSE_IGNORE_ENC;
        if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            throw input_error(ids::input::kTooLarge, path, "HTML page too large to parse");
        // libxml2 stops building the tree at 256 nested elements (its guard against stack
        // exhaustion) and drops the rest of the page: such a page is parsed again with the
        // elements below kMaxHtmlDepth flattened into their ancestor, and refused only if
        // that is still too deep, rather than read as a fragment.
        if (parse(utf8, options)) return;
        const std::string flat = flatten_deep_elements(utf8, kMaxHtmlDepth, elements_flattened_);
        if (parse(flat, options)) return;
        throw input_error(ids::input::kTooDeep, path,
                          "HTML elements nested deeper than libxml2's limit of 256 levels; the page was not read");
    }
    ~Extractor() {
        if (doc_) xmlFreeDoc(doc_);
    }

    /// Parses into doc_; false (and no doc_) when libxml2 found the page too deep.
    bool parse(std::string_view utf8, int options) {
        htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
        if (!ctxt) throw input_error(ids::input::kUnreadable, path_, "out of memory for the HTML parser");
        doc_ = htmlCtxtReadMemory(ctxt, utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options);
        const bool too_deep = ctxt->errNo == XML_ERR_INTERNAL_ERROR;
        htmlFreeParserCtxt(ctxt);
        if (too_deep && doc_) {
            xmlFreeDoc(doc_);
            doc_ = nullptr;
        }
        return !too_deep;
    }
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    Document run() {
        Document d;
        d.source_path = path_;
        d.id = id_from_path(path_);
        xmlNode* root = doc_ ? xmlDocGetRootElement(doc_) : nullptr;
        if (!root) {
            d.published = opt_.published;
            return d;
        }
        prepare(root);
        xmlNode* main = widen(choose(root));
        return assemble(d, main);
    }

    void set_models(const BlockModels* m) { models_ = m; }
    /// Attributes left out because an element had more than kMaxHtmlAttributes.
    std::size_t attributes_dropped() const { return attributes_dropped_; }
    /// Start tags left out because they were nested deeper than kMaxHtmlDepth.
    std::size_t elements_flattened() const { return elements_flattened_; }

  private:
    void prepare(xmlNode* root) {
        read_meta(root);
        compute_stats(root);
        total_para_ = stats_[root].para;
        clean(root);
        collect(root);
        score_blocks();
        mark_down_teasers();
        mark_down_related_sections();
        ld_ngrams_ = word_ngrams(meta_.ld_body);
        desc_ngrams_ = word_ngrams(meta_.description);
        title_ = choose_title();
        title_block_ = find_title_block();
        repeated_ = find_repeated();
        if (!models_->page.empty) learned_page_scores(root);
    }

    // Article paragraphs are on a page once; slideshow captions, teasers and widgets are
    // often printed twice or more (one copy per slide or per breakpoint).
    std::vector<bool> find_repeated() const {
        std::unordered_map<std::string, int> count;
        std::vector<std::string> keys(blocks_.size());
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (fu::word_count(blocks_[i].text) >= 8) ++count[keys[i] = fu::fold(blocks_[i].text)];
        std::vector<bool> out(blocks_.size(), false);
        for (std::size_t i = 0; i < blocks_.size(); ++i) out[i] = !keys[i].empty() && count[keys[i]] > 1;
        return out;
    }

    // The first block that shows the headline: what comes before it is the page's header
    // (menus, banners, breadcrumbs), rarely the article.
    std::size_t find_title_block() const {
        const std::string t = fu::fold(title_);
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (blocks_[i].heading == 1 || (!t.empty() && fu::fold(blocks_[i].text) == t)) return i;
        return 0;
    }

    // The page scorer's verdict replaces the hand-set block scores that choose the
    // article's element: (2p - 1) times the block's length, so that a sure block weighs
    // by its size and an unsure one hardly at all.
    void learned_page_scores(xmlNode* root) {
        Document scratch;
        const std::vector<bool> keep = rule_selection(scratch, root);
        std::size_t last_kept = blocks_.size();
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (keep[i]) last_kept = i;
        std::vector<double> scores(blocks_.size());
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            const double p = models_->page.probability(features(i, root, keep, last_kept));
            scores[i] = (2 * p - 1) * std::max<double>(static_cast<double>(blocks_[i].chars), 20.0);
        }
        for (std::size_t i = 0; i < blocks_.size(); ++i) blocks_[i].score = scores[i];
    }

    const std::string& path_;
    std::size_t attributes_dropped_ = 0;
    std::size_t elements_flattened_ = 0;
    const ReadOptions& opt_;
    htmlDocPtr doc_ = nullptr;
    Meta meta_;
    std::unordered_map<const xmlNode*, Stats> stats_;
    std::size_t total_para_ = 0;
    std::vector<Block> blocks_;
    std::string title_;
    const BlockModels* models_ = &BlockModels::shipped();
    std::unordered_set<std::string> ld_ngrams_; ///< word pairs of JSON-LD articleBody
    std::unordered_set<std::string> desc_ngrams_; ///< word pairs of the page's description
    std::size_t title_block_ = 0; ///< the block showing the headline (0 when none)
    std::vector<bool> repeated_;   ///< the block's text (8 words or more) is on the page twice
    std::optional<DateValue> published_line_; ///< a date line near the article, if any
    std::vector<std::string> byline_authors_;  ///< people named in the bylines, in page order

    // ---- 1. metadata ------------------------------------------------------------------

    void meta_date(std::optional<DateValue>& slot, const std::string& v) {
        if (slot || v.empty()) return;
        // A publication date is a day; a bare year in a "date" field is something else.
        if (auto d = parse_date(v); d && d->day && d->year >= 1900) slot = d;
    }

    // Article metadata sits a few levels down at most; a hostile page can nest arrays a
    // million deep, which unbounded recursion would turn into a stack overflow.
    static constexpr int kMaxLdDepth = 16;

    // JSON-LD `author`: a name, a Person (or untyped) object with a name, or an array of
    // them. Organizations are not authors.
    static void ld_authors(const nlohmann::json& j, std::vector<std::string>& out, int depth = 0) {
        if (depth > 3) return;
        if (j.is_string()) {
            for (auto& n : fu::author_names(j.get<std::string>())) out.push_back(std::move(n));
        } else if (j.is_array()) {
            for (const auto& e : j) ld_authors(e, out, depth + 1);
        } else if (j.is_object()) {
            if (auto t = j.find("@type"); t != j.end()) {
                bool person = false;
                if (t->is_string()) person = t->get<std::string>() == "Person";
                else if (t->is_array())
                    for (const auto& e : *t) person = person || (e.is_string() && e.get<std::string>() == "Person");
                if (!person) return;
            }
            if (auto nm = j.find("name"); nm != j.end() && nm->is_string())
                for (auto& n : fu::author_names(nm->get<std::string>())) out.push_back(std::move(n));
        }
    }

    void read_ld(const nlohmann::json& j, int depth = 0) {
        if (depth > kMaxLdDepth) return;
        if (j.is_array()) {
            for (const auto& e : j) read_ld(e, depth + 1);
            return;
        }
        if (!j.is_object()) return;
        if (auto g = j.find("@graph"); g != j.end()) read_ld(*g, depth + 1);
        auto str = [&](const char* k) -> std::string {
            auto it = j.find(k);
            return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
        };
        std::string type;
        if (auto t = j.find("@type"); t != j.end()) {
            if (t->is_string()) type = t->get<std::string>();
            else if (t->is_array() && !t->empty() && (*t)[0].is_string()) type = (*t)[0].get<std::string>();
        }
        const bool article = type.find("Article") != std::string::npos || type == "BlogPosting" ||
                             type == "Report" || type == "LiveBlogPosting" || type == "WebPage";
        if (!article) return;
        if (type != "WebPage") {
            Meta::LdArticle a;
            a.headline = str("headline");
            meta_date(a.published, str("datePublished"));
            if (auto au = j.find("author"); au != j.end()) ld_authors(*au, a.authors);
            meta_.ld_articles.push_back(std::move(a));
        }
        if (meta_.ld_body.empty() && type != "WebPage") meta_.ld_body = str("articleBody");
        meta_date(meta_.published_ld_page, str("datePublished"));
        if (auto p = j.find("publisher"); p != j.end() && p->is_object() && meta_.ld_publisher.empty()) {
            if (auto nm = p->find("name"); nm != p->end() && nm->is_string()) meta_.ld_publisher = nm->get<std::string>();
        }
        if (meta_.url.empty()) meta_.url = str("url");
    }

    static bool in_article_markup(const xmlNode* n) {
        for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
            if (name_of(n) == "article" || name_of(n) == "main" || lower(attr(n, "role")) == "main") return true;
            const std::string type = attr(n, "itemtype");
            if (type.find("Article") != std::string::npos || type.find("BlogPosting") != std::string::npos)
                return true;
        }
        return false;
    }

    void read_meta(xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string_view t = name_of(n);
            if (t == "title" && meta_.html_title.empty()) {
                meta_.html_title = node_text(n);
            } else if (t == "meta") {
                const std::string key = lower(!attr(n, "property").empty() ? attr(n, "property")
                                              : !attr(n, "name").empty()   ? attr(n, "name")
                                                                           : attr(n, "itemprop"));
                const std::string content = attr(n, "content");
                if (key == "og:title" && meta_.og_title.empty()) meta_.og_title = content;
                else if (key == "twitter:title" && meta_.twitter_title.empty()) meta_.twitter_title = content;
                else if (key == "og:site_name" && meta_.site_name.empty()) meta_.site_name = content;
                else if ((key == "og:description" || key == "description") && meta_.description.empty())
                    meta_.description = content;
                else if (key == "og:url" && meta_.url.empty()) meta_.url = content;
                else if (key == "author" || key == "article:author")
                    for (auto& a : fu::author_names(content)) meta_.meta_authors.push_back(std::move(a));
                else if (key == "article:published_time" || key == "og:published_time" ||
                         key == "article:published")
                    meta_date(meta_.published_meta, content);
                else if (one_of(key, {"date", "pubdate", "publishdate", "publish-date", "publish_date",
                                      "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
                                      "sailthru.date", "parsely-pub-date", "datepublished", "article.published",
                                      "cxenseparse:recs:publishtime", "originalpublicationdate"}))
                    meta_date(meta_.published_other, content);
            } else if (t == "link" && lower(attr(n, "rel")) == "canonical" && meta_.url.empty()) {
                meta_.url = attr(n, "href");
            } else if (t == "script" && lower(attr(n, "type")) == "application/ld+json") {
                const std::string body = node_text(n);
                auto j = nlohmann::json::parse(body, nullptr, false);
                if (!j.is_discarded()) read_ld(j);
            } else if (t != "meta" && attr(n, "itemprop") == "datePublished") {
                // Microdata: <span itemprop="datePublished" content="…"> or <time …>.
                const std::string v = !attr(n, "content").empty() ? attr(n, "content") : attr(n, "datetime");
                meta_date(meta_.published_other, v);
                if (t == "time" && !meta_.published_time) meta_date(meta_.published_time, v);
            } else if (t == "time" && !meta_.published_time) {
                const std::string dt = attr(n, "datetime");
                if (!dt.empty()) meta_date(meta_.published_time, dt);
            } else if (t == "h1") {
                std::string h = node_text(n);
                if (!h.empty()) meta_.h1s.push_back({h, in_article_markup(n)});
            }
            if (t != "script" && t != "style") read_meta(n->children);
        }
    }

    // The JSON-LD object of this page's article. A page that describes several articles
    // (its own and related ones) is trusted only for the one that the page's og:title
    // or an <h1> also names.
    const Meta::LdArticle* ld_article() const {
        const auto& all = meta_.ld_articles;
        if (all.empty()) return nullptr;
        if (std::all_of(all.begin(), all.end(), [&](const Meta::LdArticle& a) { return a.headline == all.front().headline; }))
            return &all.front();
        for (const auto& a : all) {
            if (a.headline.empty()) continue;
            if (!meta_.og_title.empty() && word_overlap(a.headline, meta_.og_title) >= 0.6) return &a;
            for (const auto& h1 : meta_.h1s)
                if (word_overlap(a.headline, h1.text) >= 0.6) return &a;
        }
        return nullptr;
    }

    std::string ld_headline() const {
        const auto* a = ld_article();
        return a ? a->headline : std::string{};
    }

    // datePublished of the page's JSON-LD article; of any JSON-LD object when the page
    // describes one article (or a WebPage only).
    std::optional<DateValue> ld_published() const {
        if (const auto* a = ld_article(); a && a->published) return a->published;
        return meta_.ld_articles.size() <= 1 ? meta_.published_ld_page : std::nullopt;
    }

    const std::string& site() const { return meta_.site_name.empty() ? meta_.ld_publisher : meta_.site_name; }

    static bool usable_headline(const std::string& h) {
        return fu::word_count(h) >= 2 && !fu::is_banner(h) && !fu::is_boilerplate_line(h);
    }

    // The headline, from the most reliable source first: JSON-LD headline, og:title or
    // twitter:title, an <h1> inside <article>/<main>, <title> minus the site name, any
    // other <h1>. Subscription, paywall and consent banners are never taken. When an <h1>
    // says the same as the chosen headline (60 % of the words either way), its wording
    // wins: metadata headlines are often shortened or rewritten for search engines.
    std::string choose_title() const {
        std::vector<std::string> order{ld_headline(), meta_.og_title, meta_.twitter_title};
        for (const auto& h : meta_.h1s)
            if (h.in_article) order.push_back(h.text);
        order.push_back(strip_site_suffix(meta_.html_title, site()));
        for (const auto& h : meta_.h1s) order.push_back(h.text);
        for (auto& cand : order) {
            const std::string c = strip_site_suffix(std::string(fu::trim(cand)), site());
            if (!usable_headline(c)) continue;
            for (const auto& h : meta_.h1s)
                if (usable_headline(h.text) && (word_overlap(h.text, c) >= 0.6 || word_overlap(c, h.text) >= 0.6))
                    return h.text;
            return c;
        }
        return {};
    }

    // ---- 2. cleaning ------------------------------------------------------------------

    Stats compute_stats(const xmlNode* n, bool in_link = false, bool in_p = false) {
        Stats s;
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (!c->content) continue;
                std::string t;
                bool sp = false;
                append_collapsed(t, reinterpret_cast<const char*>(c->content), sp);
                const std::size_t k = count_chars(t);
                s.text += k;
                if (in_link) s.link += k;
                else if (in_p) s.para += k;
            } else if (c->type == XML_ELEMENT_NODE) {
                const auto t = name_of(c);
                if (one_of(t, {"script", "style", "noscript", "template", "head"})) continue;
                Stats cs = compute_stats(c, in_link || t == "a", in_p || t == "p");
                // A cookie notice or share prompt in <p> is not article text, however long.
                if (t == "p" && cs.para > 0 && fu::is_boilerplate_line(node_text(c))) {
                    cs.para = 0;
                    stats_[c].para = 0;
                }
                s.text += cs.text;
                s.link += cs.link;
                s.para += cs.para;
            }
        }
        stats_[n] = s;
        return s;
    }

    bool hidden(const xmlNode* n) const {
        if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
        const std::string style = lower(attr(n, "style"));
        std::string compact;
        for (char c : style)
            if (c != ' ') compact += c;
        return compact.find("display:none") != std::string::npos ||
               compact.find("visibility:hidden") != std::string::npos;
    }

    // Elements that hold no readable text at all, or are not shown: removed outright.
    bool invisible(const xmlNode* n) const {
        if (one_of(name_of(n), {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object",
                                "embed", "head", "link", "meta", "map", "audio", "video", "picture", "img",
                                "source", "select", "option", "textarea", "input"}))
            return true;
        return hidden(n) || (class_signal(n) & kHidden);
    }

    // Elements that hold page furniture. They are kept in the tree and scored (negative),
    // so that a candidate container with menus or teasers inside loses against one
    // without; they are never output.
    bool junk(const xmlNode* n) const {
        const auto t = name_of(n);
        if (t == "html" || t == "body") return false;
        const auto it = stats_.find(n);
        if (it == stats_.end()) return false;
        const Stats& s = it->second;
        // A big share of the page's paragraph text is never junk, whatever its tag or class
        // says (some sites wrap the whole page in <form> or <header>).
        const bool holds_article = total_para_ > 0 && s.para * 2 > total_para_;
        if (holds_article) return false;
        if (one_of(t, {"nav", "aside", "footer", "figure", "figcaption", "menu", "dialog", "button", "label"}))
            return true;
        if (t == "form" || t == "header") return s.para < 400;
        const std::string role = lower(attr(n, "role"));
        if (one_of(role, {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog",
                          "menu", "menubar", "search"}))
            return true;
        if (lower(attr(n, "aria-hidden")) == "true") return true;
        const unsigned sig = class_signal(n);
        if (!(sig & kNegative)) return false;
        if (!(sig & kPositive)) return true;
        // Both: "article-share", "story-related". Junk when it is mostly links or little text.
        return s.text < 200 || s.link * 2 > s.text;
    }

    void clean(xmlNode* n) {
        for (xmlNode* c = n->children; c;) {
            xmlNode* next = c->next;
            if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE ||
                (c->type == XML_ELEMENT_NODE && invisible(c))) {
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            } else if (c->type == XML_ELEMENT_NODE) {
                clean(c);
            }
            c = next;
        }
    }

    // ---- 3. blocks and scores ---------------------------------------------------------

    struct Acc {
        xmlNode* owner = nullptr;
        std::string text;
        bool space = false;
        std::size_t link = 0;
        std::size_t bold = 0;
        bool junk = false;
    };

    void flush(Acc& a) {
        if (!a.text.empty()) {
            Block b;
            b.owner = a.owner;
            b.text = std::move(a.text);
            b.chars = count_chars(b.text);
            b.link_chars = std::min(a.link, b.chars);
            b.heading = heading_level(name_of(a.owner));
            b.bold_only = a.bold >= b.chars;
            b.junk = a.junk;
            blocks_.push_back(std::move(b));
        }
        a.text.clear();
        a.space = false;
        a.link = 0;
        a.bold = 0;
    }

    void add_text(Acc& a, std::string_view s, bool in_link, bool in_bold) {
        const std::size_t before = count_chars(a.text);
        append_collapsed(a.text, s, a.space);
        const std::size_t added = count_chars(a.text) - before;
        if (in_link) a.link += added;
        if (in_bold) a.bold += added;
    }

    void collect(xmlNode* n, Acc& a, bool in_link, bool in_bold) {
        for (xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) add_text(a, reinterpret_cast<const char*>(c->content), in_link, in_bold);
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue;
            const auto t = name_of(c);
            if (t == "br") {
                // A line break after a full stop separates paragraphs ("text<br><br>text");
                // elsewhere it is only a space (addresses, wrapped lines).
                // So does one before or after a bulleted line ("• one<br>• two"): list
                // items are separate statements and must not merge into one sentence.
                // Two <br> in a row are a paragraph break however the line ends, and a
                // line that is a headline (all bold) or a date line ends its paragraph:
                // old table layouts set the whole article with <br> alone.
                if (fu::ends_with_stop(a.text) || fu::list_item(a.text) || bullet_follows(c) || br_follows(c) ||
                    (!a.text.empty() && a.bold >= count_chars(a.text)) || fu::date_line(a.text))
                    flush(a);
                else a.space = true;
                continue;
            }
            const bool j = a.junk || junk(c);
            if (is_block_tag(t) || j != a.junk) {
                flush(a);
                Acc inner;
                inner.owner = is_block_tag(t) ? c : a.owner;
                inner.junk = j;
                collect(c, inner, in_link || t == "a", false);
                flush(inner);
                a.space = false;
            } else {
                collect(c, a, in_link || t == "a", in_bold || t == "b" || t == "strong");
            }
        }
    }

    // Another <br> follows, with only white space between.
    static bool br_follows(const xmlNode* br) {
        for (const xmlNode* n = br->next; n; n = n->next) {
            if (n->type == XML_TEXT_NODE && n->content && fu::trim(reinterpret_cast<const char*>(n->content)).empty())
                continue;
            return n->type == XML_ELEMENT_NODE && name_of(n) == "br";
        }
        return false;
    }

    // The text right after a <br> starts with a list marker ("• ", "- ", "1. ").
    static bool bullet_follows(const xmlNode* br) {
        for (const xmlNode* n = br->next; n; n = n->next) {
            if (n->type == XML_TEXT_NODE && n->content) {
                const std::string_view t = fu::trim(reinterpret_cast<const char*>(n->content));
                if (t.empty()) continue;
                return fu::list_item(t).has_value();
            }
            if (n->type == XML_ELEMENT_NODE) return n->children && n->children->type == XML_TEXT_NODE &&
                                                     n->children->content &&
                                                     fu::list_item(fu::trim(reinterpret_cast<const char*>(
                                                                       n->children->content)))
                                                         .has_value();
        }
        return false;
    }

    void collect(xmlNode* root) {
        Acc a;
        a.owner = root;
        collect(root, a, false, false);
        flush(a);
    }

    // Sentence punctuation inside the text: Latin ". " and ", ", and the stops and commas
    // of Chinese, Japanese, Arabic and Devanagari text (。，、،।), which need no space after.
    static bool punctuated(const std::string& s) {
        for (std::string_view mark : {". ", ", ", "\u3002", "\uFF0C", "\u3001", "\u060C", "\u0964", "\u061F"})
            if (s.find(mark) != std::string::npos) return true;
        return fu::ends_with_stop(s);
    }

    // Prose scores its non-link length; link lists and short fragments score negative.
    void score_blocks() {
        for (auto& b : blocks_) {
            const double len = static_cast<double>(b.chars);
            const double link = static_cast<double>(b.link_chars);
            const double density = len > 0 ? link / len : 0;
            const std::size_t nw = fu::word_count(b.text);
            if (b.junk || fu::is_boilerplate_line(b.text)) {
                b.score = -0.5 * (len - link) - link;
            } else if (b.heading) {
                // A linked heading is a teaser's headline: it weighs against its container.
                b.score = density > 0.5 ? -2 * len : 0;
            } else if (density > 0.5 && name_of(b.owner) == "p") {
                // Link-heavy paragraphs are still paragraphs (a sentence full of linked
                // names); navigation is built from lists and divs, not <p>.
                b.score = (len - link) * (1.0 - density) - 0.25 * link;
            } else if (density > 0.5) {
                b.score = -len;
            } else if (nw >= 10 && punctuated(b.text)) {
                b.score = (len - link) * (1.0 - density);
            } else if (nw >= 5 && fu::ends_with_stop(b.text)) {
                b.score = (len - link) * 0.5;
            } else {
                b.score = -std::min(len, 60.0) * 0.5 - link;
            }
        }
    }

    // The <main> element (or role="main") when the page marks one and most of the prose
    // is inside it: then the article is looked for only there.
    const xmlNode* marked_main(xmlNode* root) const {
        std::vector<const xmlNode*> mains;
        std::function<void(const xmlNode*)> rec = [&](const xmlNode* n) {
            for (; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE) continue;
                if (name_of(n) == "main" || lower(attr(n, "role")) == "main") mains.push_back(n);
                rec(n->children);
            }
        };
        rec(root);
        if (mains.size() != 1) return nullptr;
        double all = 0, in = 0;
        for (const auto& b : blocks_)
            if (b.score > 0) {
                all += b.score;
                if (inside(b.owner, mains[0])) in += b.score;
            }
        return all > 0 && in >= 0.6 * all ? mains[0] : nullptr;
    }

    // Teaser cards ("more stories" grids): a small element holding a linked headline and
    // a summary. The summary reads like prose, so it is marked down here: otherwise a
    // page of teasers would outweigh the article beside it.
    void mark_down_teasers() {
        std::unordered_set<const xmlNode*> with_linked_heading;
        for (const auto& b : blocks_) {
            if (!b.heading || b.chars == 0 || b.link_chars * 2 <= b.chars) continue;
            int depth = 0;
            for (const xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE && depth < 5; p = p->parent, ++depth)
                with_linked_heading.insert(p);
        }
        // An element that also holds the article's own (unlinked) <h1> is the article,
        // not a card: on a short page the wrapper of both is small too.
        std::unordered_set<const xmlNode*> with_headline;
        for (const auto& b : blocks_)
            if (b.heading == 1 && b.link_chars * 2 <= b.chars)
                for (const xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE; p = p->parent) with_headline.insert(p);
        for (auto& b : blocks_) {
            if (b.score <= 0 || b.heading) continue;
            int depth = 0;
            for (const xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE && depth < 4; p = p->parent, ++depth) {
                const auto it = stats_.find(p);
                if (it == stats_.end() || it->second.text > 700 || with_headline.count(p)) break;
                if (with_linked_heading.count(p)) {
                    b.score = -0.5 * b.score;
                    b.teaser = true;
                    break;
                }
            }
        }
    }

    // A heading that introduces links to other articles ("Related", "You may also
    // like", "More from …", or a heading whose class says "related"): what follows it
    // in its section is not this article.
    static bool related_heading(const Block& b) {
        if (!b.heading && !b.bold_only && b.chars > 40) return false;
        if (b.chars > 60) return false;
        if (heading::closes_article(b.text, b.heading > 0)) return true;
        const unsigned sig = class_signal(b.owner);
        const std::string cls = lower(attr(b.owner, "class") + " " + attr(b.owner, "id"));
        return (sig & kNegative) && cls.find("related") != std::string::npos;
    }

    // The section a heading introduces: its parent, or, when the heading sits alone in a
    // wrapper of its own (<div><h3>Most read</h3></div><div>cards…</div>), the element
    // right after that wrapper. Not further: such rails are often set inside the article,
    // whose paragraphs go on after them.
    const xmlNode* section_of(const Block& heading) const {
        const xmlNode* wrapper = heading.owner;
        for (int up = 0; up < 3; ++up) {
            const xmlNode* p = wrapper->parent;
            if (!p || p->type != XML_ELEMENT_NODE) break;
            const auto it = stats_.find(p);
            if (it == stats_.end() || it->second.text > heading.chars + 10) break;
            wrapper = p;
        }
        if (wrapper == heading.owner) {
            const xmlNode* p = heading.owner->parent;
            return p && p->type == XML_ELEMENT_NODE ? p : nullptr;
        }
        const xmlNode* next = wrapper->next;
        while (next && next->type != XML_ELEMENT_NODE) next = next->next;
        // Never the article itself: an element holding most of the page's paragraph
        // text is not a list of links, whatever heading comes before it.
        if (next) {
            const auto it = stats_.find(next);
            if (it != stats_.end() && total_para_ > 0 && it->second.para * 2 > total_para_) return nullptr;
        }
        return next;
    }

    void mark_down_related_sections() {
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (!related_heading(blocks_[i])) continue;
            const xmlNode* region = section_of(blocks_[i]);
            if (!region) continue;
            blocks_[i].teaser = true; // the heading goes with its links
            for (std::size_t k = i + 1; k < blocks_.size() && inside(blocks_[k].owner, region); ++k) {
                Block& b = blocks_[k];
                if (b.score > 0) b.score = -0.5 * b.score;
                b.teaser = true;
            }
        }
    }

    // An article of one element alone is rare: when the chosen element holds a single
    // block and its parent holds another paragraph that scores as prose, the parent is
    // the article (its paragraphs are siblings of the furniture that outweighed them).
    xmlNode* widen(xmlNode* main) const {
        xmlNode* parent = main->parent;
        if (!parent || parent->type != XML_ELEMENT_NODE || name_of(parent) == "body" || name_of(parent) == "html")
            return main;
        std::size_t own = 0, others = 0;
        for (const auto& b : blocks_) {
            if (inside(b.owner, main)) ++own;
            else if (inside(b.owner, parent) && b.score > 0 && name_of(b.owner) == "p" && !furniture_line(b)) ++others;
        }
        return own == 1 && others > 0 ? parent : main;
    }

    xmlNode* choose(xmlNode* root) {
        std::unordered_map<const xmlNode*, double> sum;
        for (const auto& b : blocks_)
            for (const xmlNode* p = b.owner; p; p = p->parent) {
                if (p->type != XML_ELEMENT_NODE) break;
                sum[p] += b.score;
            }
        const xmlNode* within = marked_main(root);
        xmlNode* best = root;
        double best_score = -1e300;
        for (const auto& [node, score] : sum) {
            if (within && !inside(node, within)) continue;
            // Ties go to the deeper element: its score is the same with less around it.
            if (score > best_score + 1e-9) {
                best_score = score;
                best = const_cast<xmlNode*>(node);
            }
        }
        // Among equal scores, prefer the innermost (a wrapper adds nothing).
        for (bool moved = true; moved;) {
            moved = false;
            for (xmlNode* c = best->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                auto it = sum.find(c);
                if (it != sum.end() && std::abs(it->second - best_score) < 1e-9) {
                    best = c;
                    moved = true;
                    break;
                }
            }
        }
        return best;
    }

    // ---- 4. paragraphs ----------------------------------------------------------------

    static bool inside(const xmlNode* n, const xmlNode* container) {
        for (; n; n = n->parent)
            if (n == container) return true;
        return false;
    }

    static bool has_ancestor(const xmlNode* n, std::initializer_list<std::string_view> tags) {
        for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
            if (one_of(name_of(n), tags)) return true;
        return false;
    }

    // Inside an element the page marks as the article's body (schema.org microdata).
    static bool in_body_markup(const xmlNode* n) {
        for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
            if (attr(n, "itemprop") == "articleBody") return true;
        return false;
    }

    // Share of the text of the block's parent that is in paragraphs: running text sits
    // among <p>s, furniture among links and labels.
    double parent_para_share(const xmlNode* n) const {
        const xmlNode* p = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : n;
        const auto it = stats_.find(p);
        if (it == stats_.end() || it->second.text == 0) return 0;
        return static_cast<double>(it->second.para) / static_cast<double>(it->second.text);
    }

    static int depth_below(const xmlNode* n, const xmlNode* top) {
        int d = 0;
        for (; n && n != top; n = n->parent) ++d;
        return d;
    }

    // Share of the block owner's element siblings that are <p>.
    static double p_sibling_share(const xmlNode* n) {
        if (!n->parent) return 0;
        int all = 0, p = 0;
        for (const xmlNode* c = n->parent->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                ++all;
                p += name_of(c) == "p";
            }
        return all ? static_cast<double>(p) / all : 0;
    }

    struct LetterShares {
        double letter_share = 0; ///< letters among the characters that are not spaces
        double caps_share = 0;   ///< capitals among the letters
    };
    // Prices and tables are mostly digits and signs; promotions and link cards are often
    // set in capitals. Running text is neither.
    static LetterShares letter_shares(std::string_view s) {
        std::size_t visible = 0, letters = 0, caps = 0;
        for (std::size_t i = 0; i < s.size();) {
            const auto cp = uc::decode(s, i);
            i += cp.len;
            if (uc::is_space(cp.cp)) continue;
            ++visible;
            if (!uc::is_letter(cp.cp)) continue;
            ++letters;
            caps += uc::is_upper(cp.cp);
        }
        LetterShares out;
        if (visible) out.letter_share = static_cast<double>(letters) / static_cast<double>(visible);
        if (letters) out.caps_share = static_cast<double>(caps) / static_cast<double>(letters);
        return out;
    }

    static constexpr std::size_t kFurniture = 20; // index of "furniture" in kBlockFeatureNames
    static_assert(kBlockFeatureNames[kFurniture] == "furniture");

    // Signals of one block for the block scorer (names in block_model.hpp, same order).
    BlockFeatures features(std::size_t i, const xmlNode* main, const std::vector<bool>& keep,
                           std::size_t last_kept) const {
        const Block& b = blocks_[i];
        const std::string_view tag = name_of(b.owner);
        const std::size_t nw = fu::word_count(b.text);
        const bool in_main = inside(b.owner, main);
        const xmlNode* around = main->parent && main->parent->type == XML_ELEMENT_NODE ? main->parent : main;
        const double n = static_cast<double>(blocks_.size());
        const LetterShares letters = letter_shares(b.text);
        return BlockFeatures{
            1.0,
            keep[i] ? 1.0 : 0.0,
            in_main ? 1.0 : 0.0,
            !in_main && inside(b.owner, around) ? 1.0 : 0.0,
            b.junk ? 1.0 : 0.0,
            b.teaser ? 1.0 : 0.0,
            std::tanh(b.score / 100.0),
            std::log1p(static_cast<double>(b.chars)) / 8.0,
            link_density(b),
            nw >= 10 && punctuated(b.text) ? 1.0 : 0.0,
            fu::ends_with_stop(b.text) ? 1.0 : 0.0,
            b.heading >= 2 ? 1.0 : 0.0,
            b.heading && link_density(b) > 0.5 ? 1.0 : 0.0,
            tag == "p" ? 1.0 : 0.0,
            tag == "li" ? 1.0 : 0.0,
            one_of(tag, {"td", "th", "dd", "dt"}) ? 1.0 : 0.0,
            has_ancestor(b.owner, {"blockquote"}) ? 1.0 : 0.0,
            b.bold_only ? 1.0 : 0.0,
            static_cast<double>(i) / n,
            has_ancestor(b.owner, {"article"}) ? 1.0 : 0.0,
            furniture_line(b) ? 1.0 : 0.0,
            ngram_overlap(b.text, ld_ngrams_),
            ld_ngrams_.empty() ? 0.0 : 1.0,
            in_main && last_kept < blocks_.size() && i > last_kept ? 1.0 : 0.0,
            i > 0 && keep[i - 1] ? 1.0 : 0.0,
            i + 1 < blocks_.size() && keep[i + 1] ? 1.0 : 0.0,
            nw < 5 ? 1.0 : 0.0,
            has_ancestor(b.owner, {"figure", "figcaption"}) ? 1.0 : 0.0,
            in_body_markup(b.owner) ? 1.0 : 0.0,
            parent_para_share(b.owner),
            in_main ? std::min(depth_below(b.owner, main), 8) / 8.0 : 1.0,
            p_sibling_share(b.owner),
            letters.letter_share,
            letters.caps_share,
            i < title_block_ ? 1.0 : 0.0,
            repeated_[i] ? 1.0 : 0.0,
            desc_ngrams_.empty() ? 0.0 : ngram_overlap(b.text, desc_ngrams_),
        };
    }

    // The block scorer's choice, given the rules' (one of its signals). With `samples`, the
    // features of every block are recorded for training instead.
    std::vector<bool> model_selection(const xmlNode* main, const std::vector<bool>& rule_keep,
                                      std::vector<BlockSample>* samples) const {
        std::size_t last_kept = blocks_.size();
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (rule_keep[i]) last_kept = i;
        std::vector<bool> keep(blocks_.size(), false);
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            const BlockFeatures x = features(i, main, rule_keep, last_kept);
            if (samples) samples->push_back(BlockSample{blocks_[i].text, x});
            // The line recognisers are not overruled: a credit between two paragraphs is
            // still a credit. The scorer judges where a block sits, not what it says.
            else keep[i] = models_->block.keep(x) && x[kFurniture] == 0.0;
        }
        return keep;
    }

    void add_agency(Document& d, const std::string& a) const {
        if (std::find(d.agencies.begin(), d.agencies.end(), a) == d.agencies.end()) d.agencies.push_back(a);
    }

    // Lines that are never article text whatever their container: the headline again,
    // skip links, share and cookie lines, credits, date lines, captions, bylines.
    bool furniture_line(const Block& b) const {
        if (!b.furniture) b.furniture = recognised_furniture(b);
        return *b.furniture;
    }

    bool recognised_furniture(const Block& b) const {
        if (b.heading == 1 || (!title_.empty() && fu::fold(b.text) == fu::fold(title_))) return true;
        return fu::is_skip_link(b.text) || fu::is_boilerplate_line(b.text) || fu::is_photo_credit(b.text) ||
               fu::is_banner(b.text) || fu::date_line(b.text) || fu::describes_photo(b.text) ||
               fu::is_dated_caption(b.text) || fu::byline(b.text, false).has_value();
    }

    static double link_density(const Block& b) {
        return b.chars ? static_cast<double>(b.link_chars) / static_cast<double>(b.chars) : 0;
    }

    // The rules' choice: the blocks of `main` that are not furniture, not link lists, and
    // not after the last real paragraph (tags, share prompts, "more on").
    std::vector<bool> rule_selection(Document& d, const xmlNode* main) {
        std::vector<bool> keep(blocks_.size(), false);
        std::size_t last_prose = blocks_.size();
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            const Block& b = blocks_[i];
            if (b.junk || b.teaser || !inside(b.owner, main)) continue;
            if (link_density(b) > 0.5 &&
                !(name_of(b.owner) == "p" && b.chars - b.link_chars >= 100 && punctuated(b.text)))
                continue;
            if (auto by = fu::byline(b.text, false)) {
                for (auto& a : by->agencies) add_agency(d, a);
                for (auto& a : by->authors) byline_authors_.push_back(a);
                continue;
            }
            if (furniture_line(b)) continue;
            keep[i] = true;
            if (b.score > 0) last_prose = i;
        }
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (last_prose == blocks_.size() || i > last_prose) keep[i] = false;
        return keep;
    }

    // Bylines and date lines usually sit in the article's header, which is furniture and
    // not output; their agency credits and date are still worth keeping. Look a few
    // levels around the body.
    void header_credits(Document& d, const xmlNode* main, const std::vector<bool>& keep) {
        const xmlNode* scope = main;
        for (int up = 0; up < 3 && scope->parent && scope->parent->type == XML_ELEMENT_NODE &&
                         name_of(scope->parent) != "body" && name_of(scope->parent) != "html";
             ++up)
            scope = scope->parent;
        // A visible date line near the article ("Published 10:02 AM EST Nov 19, 2019"),
        // the last resort for the publication date.
        // Only in the article's header, before its first kept block: timestamps of the
        // related stories below are other articles' dates.
        for (std::size_t i = 0; i < blocks_.size() && !keep[i] && !published_line_; ++i)
            if (blocks_[i].chars < 120 && inside(blocks_[i].owner, scope))
                if (auto dl = fu::date_line(blocks_[i].text); dl && dl->day) published_line_ = dl;
        for (const auto& b : blocks_)
            if (b.junk && b.chars < 200 && inside(b.owner, scope))
                if (auto by = fu::byline(b.text, true)) {
                    for (auto& a : by->agencies) add_agency(d, a);
                    for (auto& a : by->authors) byline_authors_.push_back(a);
                    if (d.outlet.empty() && !by->outlet.empty()) d.outlet = by->outlet;
                }
    }

    // A pull quote repeats a sentence of the article in large type: a short kept block
    // whose text is also inside another kept block. Recognised by the repetition, which
    // every pull quote has, rather than by its class name, which varies by site.
    void drop_pull_quotes(std::vector<bool>& keep) const {
        std::vector<std::string> folded(blocks_.size());
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (keep[i]) folded[i] = fu::fold(blocks_[i].text);
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (!keep[i] || blocks_[i].heading) continue;
            std::string q(fu::trim(folded[i]));
            // Quote marks and a closing stop may differ between the quote and the body.
            while (!q.empty() && std::string_view("\"'. ").find(q.back()) != std::string_view::npos) q.pop_back();
            while (!q.empty() && std::string_view("\"' ").find(q.front()) != std::string_view::npos) q.erase(0, 1);
            const std::size_t nw = fu::word_count(q);
            if (nw < 6 || nw > 60) continue;
            for (std::size_t k = 0; k < blocks_.size(); ++k)
                if (k != i && keep[k] && folded[k].size() > q.size() + 20 && folded[k].find(q) != std::string::npos) {
                    keep[i] = false;
                    break;
                }
        }
    }

    // A paragraph printed again is read at most once: a repeated statement would only
    // repeat its evidence. When one text repeats, or little of the kept text, the
    // repeats are widgets (a slideshow caption per slide, a teaser per breakpoint) and no
    // copy is kept; when several paragraphs and much of the text repeat, the page holds
    // the article twice (a mobile copy) and the first copy is the article.
    void drop_repeats(std::vector<bool>& keep) const {
        std::size_t all = 0, repeated = 0;
        std::unordered_set<std::string> distinct;
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (keep[i]) {
                all += blocks_[i].chars;
                if (repeated_[i]) {
                    repeated += blocks_[i].chars;
                    distinct.insert(fu::fold(blocks_[i].text));
                }
            }
        // A copy of the article repeats several paragraphs; a widget repeats one text.
        const bool widgets = distinct.size() < 2 || repeated * 10 < all * 3;
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (keep[i] && repeated_[i] && (widgets || !seen.insert(fu::fold(blocks_[i].text)).second)) keep[i] = false;
    }

    void emit(Document& d, const std::vector<bool>& keep) {
        build::DocumentBuilder builder(d);
        if (!title_.empty()) builder.add(ParagraphKind::Title, title_);
        bool first_body = true;
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (!keep[i]) continue;
            const Block* b = &blocks_[i];
            const std::size_t nw = fu::word_count(b->text);
            const bool question = b->heading >= 2 && nw <= 12 && fu::trim(b->text).back() == '?';
            const bool heading = (b->heading >= 2 || b->bold_only) && nw <= 20 &&
                                 (!fu::ends_with_stop(b->text) || question);
            builder.add(heading ? ParagraphKind::Heading : ParagraphKind::Body, b->text);
            if (!heading && first_body) {
                first_body = false;
                for (auto& a : fu::dateline_agencies(b->text)) add_agency(d, a);
            }
        }
    }

    // The publication date in the documented order: --published, JSON-LD datePublished,
    // Open Graph article:published_time, other date <meta> tags and microdata
    // datePublished, the first <time datetime>, a date line near the article.
    std::optional<DateValue> published() const {
        if (opt_.published) return opt_.published;
        if (auto d = ld_published()) return d;
        for (const auto* slot : {&meta_.published_meta, &meta_.published_other, &meta_.published_time,
                                 &published_line_})
            if (*slot) return *slot;
        return std::nullopt;
    }

    // Authors in the documented order: JSON-LD `author` of the page's article, else
    // <meta name="author"> / article:author names, else the people of the bylines.
    // Never an agency or the outlet; each person once.
    std::vector<std::string> authors(const Document& d) const {
        const auto* ld = ld_article();
        for (const auto* source : {ld ? &ld->authors : nullptr, &meta_.meta_authors, &byline_authors_}) {
            if (!source) continue;
            std::vector<std::string> out;
            for (const auto& a : *source) {
                const std::string f = fu::fold(a);
                if (!fu::canonical_agency(a).empty() || f == fu::fold(d.outlet) || f == fu::fold(meta_.site_name) ||
                    f == fu::fold(meta_.ld_publisher))
                    continue;
                if (std::none_of(d.agencies.begin(), d.agencies.end(), [&](const std::string& g) { return fu::fold(g) == f; }) &&
                    std::none_of(out.begin(), out.end(), [&](const std::string& o) { return fu::fold(o) == f; }))
                    out.push_back(a);
            }
            if (!out.empty()) return out;
        }
        return {};
    }

    Document assemble(Document& d, xmlNode* main) {
        std::vector<bool> keep = rule_selection(d, main);
        if (!models_->block.empty) keep = model_selection(main, keep, nullptr);
        drop_pull_quotes(keep);
        drop_repeats(keep);
        header_credits(d, main, keep);
        emit(d, keep);
        // Outlet: og:site_name, else the JSON-LD publisher, else one named in the byline.
        for (const auto* name : {&meta_.site_name, &meta_.ld_publisher})
            if (!fu::trim(*name).empty()) {
                d.outlet = fu::trim(*name);
                break;
            }
        d.authors = authors(d);
        d.url = meta_.url;
        d.published = published();
        if (d.title.empty()) d.title = title_;
        return std::move(d);
    }

  public:
    /// The blocks with their features, for training: for the page scorer (`block_stage`
    /// false: every block judged against the whole page) or for the block scorer (the
    /// article's element chosen with the page scorer of `models`).
    std::vector<BlockSample> samples(bool block_stage) {
        std::vector<BlockSample> out;
        xmlNode* root = doc_ ? xmlDocGetRootElement(doc_) : nullptr;
        if (!root) return out;
        prepare(root);
        xmlNode* main = block_stage ? widen(choose(root)) : root;
        Document scratch;
        const std::vector<bool> keep = rule_selection(scratch, main);
        model_selection(main, keep, &out);
        return out;
    }
};

} // namespace

Document read_html_utf8(std::string_view utf8, const std::string& path, const ReadOptions& options,
                        HtmlReport* report) {
    Extractor e(utf8, path, options);
    if (report) {
        report->attributes_dropped = e.attributes_dropped();
        report->elements_flattened = e.elements_flattened();
    }
    return e.run();
}

Document read_html_utf8(std::string_view utf8, const std::string& path, const ReadOptions& options,
                        const BlockModels& models) {
    Extractor e(utf8, path, options);
    e.set_models(&models);
    return e.run();
}

std::vector<BlockSample> html_block_samples(std::string_view utf8, const std::string& path,
                                            const ReadOptions& options, const BlockModels& models,
                                            bool block_stage) {
    Extractor e(utf8, path, options);
    e.set_models(&models);
    return e.samples(block_stage);
}

std::string declared_charset(std::string_view bytes) {
    const std::string head = lower(std::string(bytes.substr(0, 4096)));
    auto pos = head.find("charset=");
    if (pos == std::string::npos) return {};
    pos += 8;
    while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
    std::size_t end = pos;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                 head[end] == '_' || head[end] == ':' || head[end] == '.'))
        ++end;
    return head.substr(pos, end - pos);
}

} // namespace detail

Document read_html_article(std::string_view html, const std::string& path, const ReadOptions& options) {
    const auto t = decode::to_utf8(html, path, detail::declared_charset(html));
    return detail::read_html_utf8(t.utf8, path, options);
}

} // namespace newskg
