// newskg unload: removes articles from the persistent store, committed at once like a
// load (see store.hpp).
#include <iostream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/store/store.hpp"

namespace newskg::cli {

namespace {

bool is_iri(const std::string& s) { return s.find("://") != std::string::npos || s.rfind("urn:", 0) == 0; }

int run_unload(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no articles to unload (give their ids or IRIs)");
    const std::string base = *args.value("--base");
    std::vector<std::string> graphs;
    for (const auto& id : args.positionals()) graphs.push_back(is_iri(id) ? id : article_iri(base, id));

    const std::string dir = args.value("--store").value_or(TripleStore::default_dir());
    {
        // Unloading from a store that is not there is a mistake, not a new empty store.
        TripleStore probe = TripleStore::open(dir, TripleStore::Mode::Read);
    }
    TripleStore store = TripleStore::open(dir, TripleStore::Mode::Write);
    const auto done = store.unload(graphs);
    store.commit();
    bool missing = false;
    for (const auto& u : done) {
        if (u.found) {
            std::cout << "unloaded <" << printable(u.graph) << ">: " << u.triples_removed << " triple(s) removed\n";
        } else {
            std::cerr << "newskg: error: " << printable(dir) << ": no article <" << printable(u.graph) << "> in the store\n";
            missing = true;
        }
    }
    std::cout << "the store holds " << store.size() << " triple(s) in " << store.graphs().size()
              << " named graph(s)\n";
    return missing ? 1 : 0;
}

} // namespace

Command unload_command() {
    OptionSpec base = shared_option("--base");
    base.help = "namespace the articles' IRIs were minted in";
    CommandSpec spec{"unload",
                     "remove articles (their named graphs and the relations only they state)\nfrom the persistent "
                     "RDF store",
                     "newskg unload --store DIR [--base IRI] ID...",
                     R"(Removes articles from the RDF store in DIR: each article's named graph (its
description and the evidence of its readings) and the relations (direct triples such
as country:ML nkg:accused country:FR) that no other article in the store states.
Actors stay: other articles share them.

ID is an article's id as newskg names it (the input's file name without extension,
e.g. mali-france, or a JSON Lines "id"), or the article's IRI. The removal is all or
nothing and readers see it at once when it is complete.

)",
                     {{"Options", "", {shared_option("--store"), base}}},
                     R"(Exit status: 0 every article was removed; 1 some were not in the store (the others
were removed) or the store could not be written; 2 wrong usage.
)",
                     {}};
    return {spec, run_unload};
}

} // namespace newskg::cli
