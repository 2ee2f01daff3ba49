// Heads and tags UD never gives, mended after parsing (syntax::repair_heads).
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "newskg/syntax/model.hpp"

using newskg::syntax::repair_heads;
using newskg::syntax::WordAnalysis;

namespace {

WordAnalysis w(const char* upos, int head, const char* deprel) {
    WordAnalysis a;
    a.upos = upos;
    a.head = head;
    a.deprel = deprel;
    return a;
}

} // namespace

TEST_CASE("repair_heads: an article that heads its noun gives it its place", "[syntax]") {
    // "Lebanon asked the United Nations to act ." with "the" a ccomp heading "Nations".
    const std::vector<std::string_view> forms{"Lebanon", "asked", "the", "United", "Nations", "to", "act", "."};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"),  w("DET", 1, "ccomp"),
                                    w("VERB", 4, "amod"),   w("PROPN", 2, "obj"),   w("PART", 6, "mark"),
                                    w("VERB", 4, "acl"),    w("PUNCT", 1, "punct")};
    repair_heads(forms, words);
    CHECK(words[4].head == 1);
    CHECK(words[4].deprel == "obj"); // a clause's relation becomes the noun's counterpart
    CHECK(words[2].head == 4);
    CHECK(words[2].deprel == "det");
    CHECK(words[6].head == 4); // the article's other dependents follow the noun
    CHECK(words[3].head == 4);
    for (const auto& x : words) CHECK(x.head != 2);
}

TEST_CASE("repair_heads: a word hung on punctuation goes to the mark's head", "[syntax]") {
    const std::vector<std::string_view> forms{"its", "counterpart", ",", "Therese", "Wagner"};
    std::vector<WordAnalysis> words{w("PRON", 1, "nmod:poss"), w("NOUN", -1, "root"), w("PUNCT", 1, "punct"),
                                    w("PROPN", 2, "appos"), w("PROPN", 3, "flat")};
    repair_heads(forms, words);
    CHECK(words[3].head == 1);
    CHECK(words[4].head == 3);
}

TEST_CASE("repair_heads: a well-formed tree is left as it is", "[syntax]") {
    const std::vector<std::string_view> forms{"The", "army", "shelled", "a", "town", "."};
    std::vector<WordAnalysis> words{w("DET", 1, "det"),  w("NOUN", 2, "nsubj"), w("VERB", -1, "root"),
                                    w("DET", 4, "det"),  w("NOUN", 2, "obj"),   w("PUNCT", 2, "punct")};
    const auto before = words;
    repair_heads(forms, words);
    for (std::size_t i = 0; i < words.size(); ++i) {
        CHECK(words[i].head == before[i].head);
        CHECK(words[i].deprel == before[i].deprel);
    }
}

TEST_CASE("repair_heads: a verb with an article in a nominal's place is a noun", "[syntax]") {
    // "Egypt condemned the raids ." with "raids" tagged VBZ.
    const std::vector<std::string_view> forms{"Egypt", "condemned", "the", "raids", "."};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                    w("VERB", 1, "obj"), w("PUNCT", 1, "punct")};
    words[3].xpos = "VBZ";
    repair_heads(forms, words);
    CHECK(words[3].upos == "NOUN");
    CHECK(words[3].xpos == "NNS");
    CHECK(words[1].upos == "VERB"); // the clause's verb keeps its tag
    // A verb without an article, or heading a clause, stays a verb.
    const std::vector<std::string_view> forms2{"They", "want", "to", "raid", "the", "camp", "."};
    std::vector<WordAnalysis> words2{w("PRON", 1, "nsubj"), w("VERB", -1, "root"), w("PART", 3, "mark"),
                                     w("VERB", 1, "xcomp"), w("DET", 5, "det"), w("NOUN", 3, "obj"),
                                     w("PUNCT", 1, "punct")};
    repair_heads(forms2, words2);
    CHECK(words2[3].upos == "VERB");
}

TEST_CASE("repair_heads: a name right after a nominal of its head is that nominal's apposition", "[syntax]") {
    // "leader of the alliance Strong Latvia ," with "Latvia" an apposition of "leader".
    const std::vector<std::string_view> forms{"leader", "of", "the", "alliance", "Strong", "Latvia", ","};
    std::vector<WordAnalysis> words{w("NOUN", -1, "root"), w("ADP", 3, "case"),  w("DET", 3, "det"),
                                    w("NOUN", 0, "nmod"),  w("ADJ", 5, "amod"),  w("PROPN", 0, "appos"),
                                    w("PUNCT", 0, "punct")};
    repair_heads(forms, words);
    CHECK(words[5].head == 3);
    // With a comma between, the apposition may be the head's: left alone.
    const std::vector<std::string_view> f2{"leader", "of", "the", "alliance", ",", "Ana", "Varga"};
    std::vector<WordAnalysis> w2{w("NOUN", -1, "root"), w("ADP", 3, "case"),   w("DET", 3, "det"),
                                 w("NOUN", 0, "nmod"),  w("PUNCT", 5, "punct"), w("PROPN", 0, "appos"),
                                 w("PROPN", 5, "flat")};
    repair_heads(f2, w2);
    CHECK(w2[5].head == 0);
}

TEST_CASE("repair_heads: a headline's 'X, Y verb' is a coordination, not an address", "[syntax]") {
    const std::vector<std::string_view> forms{"Estonia", ",", "Latvia", "sign", "pact"};
    std::vector<WordAnalysis> words{w("PROPN", 3, "vocative"), w("PUNCT", 0, "punct"), w("PROPN", 3, "nsubj"),
                                    w("VERB", -1, "root"), w("NOUN", 3, "obj")};
    repair_heads(forms, words);
    CHECK(words[0].deprel == "nsubj");
    CHECK(words[2].head == 0);
    CHECK(words[2].deprel == "conj");
}

TEST_CASE("repair_heads: a list of subjects whose first name was taken for the clause before's conjunct", "[syntax]") {
    // "X warned , and the States , Germany demanded" with "States" conj of "warned".
    const std::vector<std::string_view> forms{"X", "warned", ",", "and", "the", "States", ",", "Germany", "demanded", "Y"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("PUNCT", 5, "punct"),
                                    w("CCONJ", 5, "cc"),    w("DET", 5, "det"),    w("PROPN", 1, "conj"),
                                    w("PUNCT", 7, "punct"), w("PROPN", 8, "nsubj"), w("VERB", 1, "conj"),
                                    w("PROPN", 8, "obj")};
    repair_heads(forms, words);
    CHECK(words[5].head == 8);
    CHECK(words[5].deprel == "nsubj");
    CHECK(words[7].head == 5);
    CHECK(words[7].deprel == "conj");
}

TEST_CASE("repair_heads: a name read as a compound of 'next month' takes the time noun's place", "[syntax]") {
    // "Peru restored ties with Chile last week ." with "Chile" a compound of "week".
    const std::vector<std::string_view> forms{"Peru", "restored", "ties", "with", "Chile", "last", "week", "."};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("NOUN", 1, "obj"),
                                    w("ADP", 6, "case"),    w("PROPN", 6, "compound"), w("ADJ", 6, "amod"),
                                    w("NOUN", 2, "nmod"),   w("PUNCT", 1, "punct")};
    words[6].lemma = "week";
    repair_heads(forms, words);
    CHECK(words[4].head == 2);
    CHECK(words[4].deprel == "nmod");
    CHECK(words[3].head == 4); // the case word follows the name
    CHECK(words[6].head == 1);
    CHECK(words[6].deprel == "obl:unmarked");
    CHECK(words[5].head == 6);

    // A real compound before a time noun stays: "the Tuesday morning meeting" has no "next".
    const std::vector<std::string_view> forms2{"Chile", "Day", "parade"};
    std::vector<WordAnalysis> words2{w("PROPN", 1, "compound"), w("PROPN", 2, "compound"), w("NOUN", -1, "root")};
    words2[1].lemma = "day";
    repair_heads(forms2, words2);
    CHECK(words2[0].head == 1);
    CHECK(words2[0].deprel == "compound");
}

TEST_CASE("repair_heads: a verb's second subject after a comma or 'and' is the first one's conjunct", "[syntax]") {
    // "Chile , Peru and Bolivia signed" parsed with "Chile" and "Peru" both subjects.
    const std::vector<std::string_view> forms{"Chile", ",", "Peru", "and", "Bolivia", "signed", "."};
    std::vector<WordAnalysis> words{w("PROPN", 5, "nsubj"), w("PUNCT", 2, "punct"), w("PROPN", 5, "nsubj"),
                                    w("CCONJ", 4, "cc"),    w("PROPN", 2, "conj"),  w("VERB", -1, "root"),
                                    w("PUNCT", 5, "punct")};
    repair_heads(forms, words);
    CHECK(words[0].deprel == "nsubj");
    CHECK(words[2].head == 0);
    CHECK(words[2].deprel == "conj");
    CHECK(words[4].head == 0); // the list's later conjuncts follow
    CHECK(words[1].head == 2);
    // A subject of another clause before the comma stays: "When Peru left , Chile signed".
    const std::vector<std::string_view> forms2{"When", "Peru", "left", ",", "Chile", "signed"};
    std::vector<WordAnalysis> words2{w("ADV", 2, "advmod"), w("PROPN", 2, "nsubj"), w("VERB", 5, "advcl"),
                                     w("PUNCT", 2, "punct"), w("PROPN", 5, "nsubj"), w("VERB", -1, "root")};
    repair_heads(forms2, words2);
    CHECK(words2[4].head == 5);
    CHECK(words2[4].deprel == "nsubj");
}

TEST_CASE("repair_heads: a verb with its own object coordinates with the clause, not with a noun", "[syntax]") {
    // "Peru condemned the raid and promised aid" with "promised" (VBN) a conjunct of "raid".
    const std::vector<std::string_view> forms{"Peru", "condemned", "the", "raid", "and", "promised", "aid"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                    w("NOUN", 1, "obj"),    w("CCONJ", 5, "cc"),   w("VERB", 3, "conj"),
                                    w("NOUN", 5, "obj")};
    words[1].xpos = "VBD";
    words[5].xpos = "VBN";
    repair_heads(forms, words);
    CHECK(words[5].head == 1);
    CHECK(words[5].xpos == "VBD");
    // A participle without an object may modify the noun: left alone.
    std::vector<WordAnalysis> words2{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                     w("NOUN", 1, "obj"),    w("CCONJ", 5, "cc"),   w("VERB", 3, "conj")};
    words2[1].xpos = "VBD";
    words2[5].xpos = "VBN";
    const std::vector<std::string_view> forms2{"Peru", "condemned", "the", "raid", "and", "delayed"};
    repair_heads(forms2, words2);
    CHECK(words2[5].head == 3);
}

TEST_CASE("repair_heads: 'said X blocked Y' is a reported clause, not an object with a participle", "[syntax]") {
    const std::vector<std::string_view> forms{"Peru", "said", "vessels", "blocked", "ships"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("NOUN", 1, "obj"),
                                    w("VERB", 2, "acl"),    w("NOUN", 3, "obj")};
    words[1].lemma = "say";
    words[3].xpos = "VBN";
    repair_heads(forms, words);
    CHECK(words[3].head == 1);
    CHECK(words[3].deprel == "ccomp");
    CHECK(words[2].head == 3);
    CHECK(words[2].deprel == "nsubj");
    // Only a verb of saying takes a clause so: "saw vessels blocking ships" keeps its participle.
    std::vector<WordAnalysis> words2{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("NOUN", 1, "obj"),
                                     w("VERB", 2, "acl"),    w("NOUN", 3, "obj")};
    words2[1].lemma = "see";
    words2[3].xpos = "VBN";
    repair_heads(forms, words2);
    CHECK(words2[3].head == 2);
}

TEST_CASE("repair_heads: 'a United Nations demand' — a plural after 'a' modifies the noun read as a verb", "[syntax]") {
    const std::vector<std::string_view> forms{"Peru", "rejected", "a", "Nations", "demand", "to", "act"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                    w("PROPN", 4, "nsubj"), w("VERB", 1, "ccomp"), w("PART", 6, "mark"),
                                    w("VERB", 4, "xcomp")};
    words[3].xpos = "NNPS";
    words[4].xpos = "VBP";
    repair_heads(forms, words);
    CHECK(words[4].upos == "NOUN");
    CHECK(words[4].deprel == "obj");
    CHECK(words[3].deprel == "compound");
    CHECK(words[2].head == 4);
    CHECK(words[6].deprel == "acl");
    // "the protesters demand" has no indefinite article: a subject and its verb.
    const std::vector<std::string_view> forms2{"the", "protesters", "demand", "change"};
    std::vector<WordAnalysis> words2{w("DET", 1, "det"), w("NOUN", 2, "nsubj"), w("VERB", -1, "root"),
                                     w("NOUN", 2, "obj")};
    words2[1].xpos = "NNS";
    words2[2].xpos = "VBP";
    repair_heads(forms2, words2);
    CHECK(words2[2].upos == "VERB");
}

TEST_CASE("repair_heads: 'to join X after Y invaded Z' — the noun before 'after' is the object, not the subject", "[syntax]") {
    // Sweden applied to join NATO after Russia invaded Ukraine, read as "NATO (after Russia)
    // invaded Ukraine".
    const std::vector<std::string_view> forms{"Peru", "applied", "to", "join", "Aland", "after", "Chile", "invaded", "Bolivia"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("PART", 3, "mark"),
                                    w("VERB", 1, "xcomp"),  w("PROPN", 7, "nsubj"), w("ADP", 6, "case"),
                                    w("PROPN", 4, "nmod"),  w("VERB", 1, "advcl"),  w("PROPN", 7, "obj")};
    words[7].xpos = "VBD";
    repair_heads(forms, words);
    CHECK(words[4].head == 3);
    CHECK(words[4].deprel == "obj");
    CHECK(words[6].head == 7);
    CHECK(words[6].deprel == "nsubj");
    CHECK(words[5].head == 7);
    CHECK(words[5].deprel == "mark");
    // A verb with an object already keeps the reading: "met envoys after talks ended" is
    // not touched when the phrase is no subordinator's.
    std::vector<WordAnalysis> kept{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("PART", 3, "mark"),
                                   w("VERB", 1, "xcomp"),  w("PROPN", 7, "nsubj"), w("ADP", 6, "case"),
                                   w("PROPN", 4, "nmod"),  w("VERB", 1, "advcl"),  w("PROPN", 7, "obj")};
    kept[7].xpos = "VBD";
    const std::vector<std::string_view> with_of{"Peru", "applied", "to", "join", "Aland", "of", "Chile", "invaded", "Bolivia"};
    repair_heads(with_of, kept);
    CHECK(kept[4].head == 7);
    CHECK(kept[4].deprel == "nsubj");
}

TEST_CASE("repair_heads: an opening participle before a comma and a clause is the clause's adverbial", "[syntax]") {
    // "Brokered by Aland , the deal was signed ." read with the participle as the root.
    const std::vector<std::string_view> forms{"Brokered", "by", "Aland", ",", "the", "deal", "was", "signed", "."};
    std::vector<WordAnalysis> words{w("VERB", -1, "root"), w("ADP", 2, "case"),      w("PROPN", 0, "obl:agent"),
                                    w("PUNCT", 7, "punct"), w("DET", 5, "det"),        w("NOUN", 7, "nsubj:pass"),
                                    w("AUX", 7, "aux:pass"), w("VERB", 0, "conj"),     w("PUNCT", 0, "punct")};
    words[0].xpos = "VBN";
    words[7].xpos = "VBN";
    repair_heads(forms, words);
    CHECK(words[7].head == -1);
    CHECK(words[7].deprel == "root");
    CHECK(words[0].head == 7);
    CHECK(words[0].deprel == "advcl");
    CHECK(words[8].head == 7);
    // A participle with a subject of its own is a clause: "Aland signed, the deal held".
    std::vector<WordAnalysis> own{w("VERB", -1, "root"), w("ADP", 2, "case"),      w("PROPN", 0, "nsubj"),
                                  w("PUNCT", 7, "punct"), w("DET", 5, "det"),        w("NOUN", 7, "nsubj:pass"),
                                  w("AUX", 7, "aux:pass"), w("VERB", 0, "conj"),     w("PUNCT", 0, "punct")};
    own[0].xpos = "VBN";
    repair_heads(forms, own);
    CHECK(own[0].deprel == "root");
}

TEST_CASE("repair_heads: a participle with an agent right after the object describes the object", "[syntax]") {
    // "Peru rejected the proposal put forward by Chile" with "put" an xcomp of "rejected".
    const std::vector<std::string_view> forms{"Peru", "rejected", "the", "proposal", "put", "forward", "by", "Chile"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                    w("NOUN", 1, "obj"),    w("VERB", 1, "xcomp"), w("ADV", 4, "advmod"),
                                    w("ADP", 7, "case"),    w("PROPN", 4, "obl:agent")};
    words[1].lemma = "reject";
    words[4].xpos = "VBN";
    repair_heads(forms, words);
    CHECK(words[4].head == 3);
    CHECK(words[4].deprel == "acl");
    // "had the envoy arrested by police": a causative keeps its complement.
    std::vector<WordAnalysis> had{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                  w("NOUN", 1, "obj"),    w("VERB", 1, "xcomp"), w("ADV", 4, "advmod"),
                                  w("ADP", 7, "case"),    w("PROPN", 4, "obl:agent")};
    had[1].lemma = "have";
    had[4].xpos = "VBN";
    repair_heads(forms, had);
    CHECK(had[4].deprel == "xcomp");
}

TEST_CASE("repair_heads: a possessor hung on a compound goes to the compound's head", "[syntax]") {
    // "Chile's arms sales" with "Chile" a possessor of "arms".
    const std::vector<std::string_view> forms{"Chile", "'s", "arms", "sales"};
    std::vector<WordAnalysis> words{w("PROPN", 2, "nmod:poss"), w("PART", 0, "case"), w("NOUN", 3, "compound"),
                                    w("NOUN", -1, "root")};
    repair_heads(forms, words);
    CHECK(words[0].head == 3);
    CHECK(words[1].head == 0); // the possessive mark stays on its possessor
}

TEST_CASE("repair_heads: 'summoned X's envoy after a guard was shot' — a passive clause's subject too", "[syntax]") {
    // "Peru summoned Chile 's envoy after a guard was shot" read as "envoy (after a guard)
    // was shot", the clause a complement of "summoned".
    const std::vector<std::string_view> forms{"Peru", "summoned", "Chile", "'s", "envoy", "after", "a", "guard", "was", "shot"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"),     w("VERB", -1, "root"), w("PROPN", 4, "nmod:poss"),
                                    w("PART", 2, "case"),       w("NOUN", 9, "nsubj:pass"), w("ADP", 7, "case"),
                                    w("DET", 7, "det"),         w("NOUN", 4, "nmod"),  w("AUX", 9, "aux:pass"),
                                    w("VERB", 1, "ccomp")};
    words[9].xpos = "VBN";
    repair_heads(forms, words);
    CHECK(words[4].head == 1);
    CHECK(words[4].deprel == "obj");
    CHECK(words[7].head == 9);
    CHECK(words[7].deprel == "nsubj:pass");
    CHECK(words[5].deprel == "mark");
    CHECK(words[9].deprel == "advcl");
    // A participle without its auxiliary ("the envoy after talks held there") is no clause.
    std::vector<WordAnalysis> bare{w("PROPN", 1, "nsubj"),     w("VERB", -1, "root"), w("PROPN", 4, "nmod:poss"),
                                   w("PART", 2, "case"),       w("NOUN", 9, "nsubj:pass"), w("ADP", 7, "case"),
                                   w("DET", 7, "det"),         w("NOUN", 4, "nmod"),  w("ADV", 9, "advmod"),
                                   w("VERB", 1, "ccomp")};
    bare[9].xpos = "VBN";
    repair_heads(forms, bare);
    CHECK(bare[4].deprel == "nsubj:pass");
}

TEST_CASE("repair_heads: a sentence whose only verb was read as a participle is a clause", "[syntax]") {
    // "Latvian troops crossed into Estonia ." with "crossed" a participle on "troops".
    const std::vector<std::string_view> forms{"Latvian", "troops", "crossed", "into", "Estonia", "."};
    std::vector<WordAnalysis> words{w("ADJ", 1, "amod"), w("NOUN", -1, "root"), w("VERB", 1, "acl"),
                                    w("ADP", 4, "case"), w("PROPN", 2, "obl"),  w("PUNCT", 1, "punct")};
    words[1].xpos = "NNS";
    words[2].xpos = "VBN";
    repair_heads(forms, words);
    CHECK(words[2].head == -1);
    CHECK(words[2].deprel == "root");
    CHECK(words[2].xpos == "VBD");
    CHECK(words[1].head == 2);
    CHECK(words[1].deprel == "nsubj");
    CHECK(words[5].head == 2);
    // A headline keeps the participle ("Latvian troops killed in attack", no stop), and so
    // does a singular caption ("Photo attached .").
    const std::vector<std::string_view> headline{"Latvian", "troops", "killed", "in", "Estonia", "attack"};
    std::vector<WordAnalysis> h{w("ADJ", 1, "amod"), w("NOUN", -1, "root"), w("VERB", 1, "acl"),
                                w("ADP", 5, "case"), w("PROPN", 5, "compound"), w("NOUN", 2, "obl")};
    h[1].xpos = "NNS";
    h[2].xpos = "VBN";
    repair_heads(headline, h);
    CHECK(h[1].deprel == "root");
    const std::vector<std::string_view> caption{"Photo", "attached", "."};
    std::vector<WordAnalysis> c{w("NOUN", -1, "root"), w("VERB", 0, "acl"), w("PUNCT", 0, "punct")};
    c[0].xpos = "NN";
    c[1].xpos = "VBN";
    repair_heads(caption, c);
    CHECK(c[0].deprel == "root");
}

TEST_CASE("repair_heads: ', X said' after a participle reading makes the speaker the subject of saying", "[syntax]") {
    // "Latvian soldiers crossed into Estonia overnight , Tallinn said ." read with the
    // soldiers the subject of "said" and Tallinn their conjunct.
    const std::vector<std::string_view> forms{"Latvian", "soldiers", "crossed", "into", "Estonia",
                                              "overnight", ",", "Tallinn", "said", "."};
    std::vector<WordAnalysis> words{w("ADJ", 1, "amod"),  w("NOUN", 8, "nsubj"),   w("VERB", 1, "acl"),
                                    w("ADP", 4, "case"),  w("PROPN", 2, "obl"),    w("ADV", 2, "advmod"),
                                    w("PUNCT", 7, "punct"), w("PROPN", 1, "conj"), w("VERB", -1, "root"),
                                    w("PUNCT", 8, "punct")};
    words[1].xpos = "NNS";
    words[2].xpos = "VBN";
    words[8].lemma = "say";
    repair_heads(forms, words);
    CHECK(words[7].head == 8);
    CHECK(words[7].deprel == "nsubj");
    CHECK(words[2].head == 8);
    CHECK(words[2].deprel == "ccomp");
    CHECK(words[1].head == 2);
    CHECK(words[1].deprel == "nsubj");
}

TEST_CASE("repair_heads: a list's second item read as an apposition of the first is a conjunct", "[syntax]") {
    // "by Aland , Bree and Gondor" with "Bree" an apposition of "Aland" and "Gondor" its conjunct.
    const std::vector<std::string_view> forms{"by", "Aland", ",", "Bree", "and", "Gondor"};
    std::vector<WordAnalysis> words{w("ADP", 1, "case"), w("PROPN", -1, "root"), w("PUNCT", 3, "punct"),
                                    w("PROPN", 1, "appos"), w("CCONJ", 5, "cc"), w("PROPN", 3, "conj")};
    repair_heads(forms, words);
    CHECK(words[3].deprel == "conj");
    CHECK(words[3].head == 1);
    CHECK(words[5].head == 1);
    // An apposition without a conjunct stays one: "Aland , Bree 's neighbour".
    const std::vector<std::string_view> forms2{"by", "Aland", ",", "Bree"};
    std::vector<WordAnalysis> words2{w("ADP", 1, "case"), w("PROPN", -1, "root"), w("PUNCT", 3, "punct"),
                                     w("PROPN", 1, "appos")};
    repair_heads(forms2, words2);
    CHECK(words2[3].deprel == "appos");
}

TEST_CASE("repair_heads: an adjective right before the subject, hung on the verb, modifies the subject", "[syntax]") {
    const std::vector<std::string_view> forms{"Latvian", "PM", "slams", "Estonia"};
    std::vector<WordAnalysis> words{w("ADJ", 2, "advmod"), w("NOUN", 2, "nsubj"), w("VERB", -1, "root"),
                                    w("PROPN", 2, "obj")};
    repair_heads(forms, words);
    CHECK(words[0].head == 1);
    CHECK(words[0].deprel == "amod");
}

TEST_CASE("repair_heads: the verb after a relative clause set off by commas is the sentence's", "[syntax]") {
    // "The minister , who came , criticized it ." read with "criticized" a conjunct of "came".
    const std::vector<std::string_view> forms{"The", "minister", ",", "who", "came", ",", "criticized", "it", "."};
    std::vector<WordAnalysis> words{w("DET", 1, "det"),   w("NOUN", -1, "root"), w("PUNCT", 1, "punct"),
                                    w("PRON", 4, "nsubj"), w("VERB", 1, "acl:relcl"), w("PUNCT", 6, "punct"),
                                    w("VERB", 4, "conj"),  w("PRON", 6, "obj"),   w("PUNCT", 4, "punct")};
    words[6].xpos = "VBD";
    repair_heads(forms, words);
    CHECK(words[6].head == -1);
    CHECK(words[1].head == 6);
    CHECK(words[1].deprel == "nsubj");
    CHECK(words[8].head == 6);
    // A restrictive clause with a list of deeds keeps its reading.
    const std::vector<std::string_view> list{"the", "group", "that", "came", ",", "saw", "and", "left"};
    std::vector<WordAnalysis> l{w("DET", 1, "det"),  w("NOUN", -1, "root"), w("PRON", 3, "nsubj"),
                                w("VERB", 1, "acl:relcl"), w("PUNCT", 5, "punct"), w("VERB", 3, "conj"),
                                w("CCONJ", 7, "cc"), w("VERB", 3, "conj")};
    l[5].xpos = "VBD";
    l[7].xpos = "VBD";
    repair_heads(list, l);
    CHECK(l[1].head == -1);
}

TEST_CASE("repair_heads: two nominal subjects with only names between them are one phrase", "[syntax]") {
    // "UN Secretary - General Ana Varga criticized Latvia" with "UN" and "Ana" both subjects.
    const std::vector<std::string_view> forms{"UN", "Secretary", "-", "General", "Ana", "Varga", "criticized", "Latvia"};
    std::vector<WordAnalysis> words{w("PROPN", 6, "nsubj"), w("PROPN", 3, "nmod"), w("PUNCT", 1, "punct"),
                                    w("PROPN", 4, "nmod"),  w("PROPN", 6, "nsubj"), w("PROPN", 4, "flat"),
                                    w("VERB", -1, "root"),  w("PROPN", 6, "obj")};
    repair_heads(forms, words);
    CHECK(words[0].head == 4);
    CHECK(words[0].deprel == "compound");
    CHECK(words[4].deprel == "nsubj");
    // A comma between them is a list, mended as such elsewhere, not a phrase.
    const std::vector<std::string_view> list{"Latvia", ",", "Estonia", "agreed"};
    std::vector<WordAnalysis> l{w("PROPN", 3, "nsubj"), w("PUNCT", 2, "punct"), w("PROPN", 3, "nsubj"),
                                w("VERB", -1, "root")};
    repair_heads(list, l);
    CHECK(l[0].deprel != "compound");
}

TEST_CASE("repair_heads: a bare infinitive right after an object noun with an article is the compound's noun", "[syntax]") {
    const std::vector<std::string_view> forms{"Latvia", "issued", "an", "arrest", "warrant"};
    std::vector<WordAnalysis> words{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                    w("NOUN", 1, "obj"),    w("VERB", 1, "xcomp")};
    words[4].xpos = "VB";
    repair_heads(forms, words);
    CHECK(words[4].upos == "NOUN");
    CHECK(words[4].deprel == "obj");
    CHECK(words[3].deprel == "compound");
    CHECK(words[2].head == 4);
    // A causative takes a bare infinitive: "made the envoy leave".
    const std::vector<std::string_view> made{"Latvia", "made", "the", "envoy", "leave"};
    std::vector<WordAnalysis> m{w("PROPN", 1, "nsubj"), w("VERB", -1, "root"), w("DET", 3, "det"),
                                w("NOUN", 1, "obj"),    w("VERB", 1, "xcomp")};
    m[1].lemma = "make";
    m[4].xpos = "VB";
    repair_heads(made, m);
    CHECK(m[4].upos == "VERB");
}
