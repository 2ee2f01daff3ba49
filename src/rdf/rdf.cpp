#include "rdf/rdf.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <utility>

#include <redland.h>

namespace newskg::rdf {

namespace detail {
void WorldDeleter::operator()(librdf_world_s* p) const noexcept { librdf_free_world(p); }
void StorageDeleter::operator()(librdf_storage_s* p) const noexcept { librdf_free_storage(p); }
void ModelDeleter::operator()(librdf_model_s* p) const noexcept { librdf_free_model(p); }
void ParserDeleter::operator()(librdf_parser_s* p) const noexcept { librdf_free_parser(p); }
void SerializerDeleter::operator()(librdf_serializer_s* p) const noexcept { librdf_free_serializer(p); }
void NodeDeleter::operator()(void* p) const noexcept { librdf_free_node(static_cast<librdf_node*>(p)); }
void StatementDeleter::operator()(void* p) const noexcept {
    librdf_free_statement(static_cast<librdf_statement*>(p));
}
void StreamDeleter::operator()(librdf_stream_s* p) const noexcept { librdf_free_stream(p); }
void IteratorDeleter::operator()(librdf_iterator_s* p) const noexcept { librdf_free_iterator(p); }
void UriDeleter::operator()(raptor_uri_s* p) const noexcept { librdf_free_uri(p); }
void QueryDeleter::operator()(librdf_query_s* p) const noexcept { librdf_free_query(p); }
void QueryResultsDeleter::operator()(librdf_query_results_s* p) const noexcept {
    librdf_free_query_results(p);
}
} // namespace detail

namespace {

librdf_node* as_node(void* p) { return static_cast<librdf_node*>(p); }
librdf_statement* as_statement(void* p) { return static_cast<librdf_statement*>(p); }

struct FreeDeleter {
    void operator()(char* p) const noexcept { std::free(p); }
};

struct RaptorParserDeleter {
    void operator()(raptor_parser* p) const noexcept { raptor_free_parser(p); }
};

using RaptorParser = std::unique_ptr<raptor_parser, RaptorParserDeleter>;

/// A raptor parser that fetches nothing: the quad readers get graph files and standard
/// input from elsewhere, whose RDF/XML DOCTYPE may declare external entities or a remote
/// DTD pointing at local files or internal hosts (librdf's parser gets the same options
/// in Parser's constructor).
RaptorParser safe_raptor_parser(World& world, const std::string& syntax) {
    RaptorParser parser(raptor_new_parser(librdf_world_get_raptor(world.get()), syntax.c_str()));
    if (!parser) throw rdf_error(ids::rdf::kParserFailed, "raptor has no parser for " + syntax);
    // A parser that reads no XML ignores the options: nothing to deny there.
    raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_NET, nullptr, 1);
    raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_FILE, nullptr, 1);
    raptor_parser_set_option(parser.get(), RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nullptr, 0);
    return parser;
}

/// What the raptor statement handler needs: the caller's function and the first
/// exception it threw (which must not unwind through raptor's C frames).
struct QuadSink {
    const std::function<void(StatementRef, NodeRef)>* each = nullptr;
    raptor_parser* parser = nullptr;
    std::exception_ptr failure;
};

void on_quad(void* user_data, raptor_statement* statement) {
    auto* sink = static_cast<QuadSink*>(user_data);
    if (sink->failure) return;
    try {
        // librdf's statements and nodes are raptor's (librdf.h typedefs them), so the
        // borrowed views work on them unchanged.
        (*sink->each)(StatementRef(statement), NodeRef(statement->graph));
    } catch (...) {
        sink->failure = std::current_exception();
        raptor_parser_parse_abort(sink->parser);
    }
}

struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

const unsigned char* uchars(const std::string& s) {
    return reinterpret_cast<const unsigned char*>(s.c_str());
}

std::string_view view(const unsigned char* p, std::size_t n) {
    return p ? std::string_view(reinterpret_cast<const char*>(p), n) : std::string_view();
}

// librdf reports parse errors through this callback; returning 1 tells it the message
// was handled, so nothing is printed to stderr behind the caller's back.
int capture_log(void* user_data, librdf_log_message* message) {
    auto* log = static_cast<std::vector<LogEntry>*>(user_data);
    LogEntry e;
    e.error = librdf_log_message_level(message) >= LIBRDF_LOG_ERROR;
    if (const char* text = librdf_log_message_message(message)) e.message = text;
    if (raptor_locator* loc = librdf_log_message_locator(message)) {
        e.line = loc->line;
        e.column = loc->column;
    }
    try {
        log->push_back(std::move(e));
    } catch (...) {
        // An exception must not unwind through C frames; losing one message under
        // memory exhaustion is the lesser harm.
    }
    return 1;
}

} // namespace

// ---------------------------------------------------------------- World

World::World() : log_(std::make_unique<std::vector<LogEntry>>()) {
    world_.reset(librdf_new_world());
    if (!world_) throw rdf_error(ids::rdf::kWorldFailed, "cannot create a librdf world");
    // The logger is installed before open so messages from opening are captured too.
    librdf_world_set_logger(world_.get(), log_.get(), &capture_log);
    librdf_world_open(world_.get());
}

std::vector<LogEntry> World::take_messages() {
    std::vector<LogEntry> out;
    if (log_) out.swap(*log_);
    return out;
}

bool World::has_errors() const noexcept {
    if (!log_) return false;
    for (const auto& e : *log_)
        if (e.error) return true;
    return false;
}

// ---------------------------------------------------------------- Uri

Uri::Uri(World& world, std::string_view uri) {
    std::string s(uri);
    uri_.reset(librdf_new_uri(world.get(), uchars(s)));
    if (!uri_) throw rdf_error(ids::rdf::kNodeFailed, "librdf rejected the URI <" + s + ">");
}

Uri Uri::from_filename(World& world, const std::string& path) {
    librdf_uri* raw = librdf_new_uri_from_filename(world.get(), path.c_str());
    if (!raw) throw rdf_error(ids::rdf::kNodeFailed, path + ": cannot make a file URI");
    return Uri(raw);
}

std::string Uri::str() const {
    std::size_t n = 0;
    const unsigned char* p = librdf_uri_as_counted_string(uri_.get(), &n);
    return std::string(view(p, n));
}

// ---------------------------------------------------------------- NodeRef

bool NodeRef::is_iri() const noexcept { return node_ && librdf_node_is_resource(as_node(node_)); }
bool NodeRef::is_literal() const noexcept { return node_ && librdf_node_is_literal(as_node(node_)); }
bool NodeRef::is_blank() const noexcept { return node_ && librdf_node_is_blank(as_node(node_)); }

std::string_view NodeRef::iri() const noexcept {
    if (!is_iri()) return {};
    std::size_t n = 0;
    const unsigned char* p = librdf_uri_as_counted_string(librdf_node_get_uri(as_node(node_)), &n);
    return view(p, n);
}

std::string_view NodeRef::literal() const noexcept {
    if (!is_literal()) return {};
    std::size_t n = 0;
    const unsigned char* p = librdf_node_get_literal_value_as_counted_string(as_node(node_), &n);
    return view(p, n);
}

std::string_view NodeRef::datatype() const noexcept {
    if (!is_literal()) return {};
    librdf_uri* dt = librdf_node_get_literal_value_datatype_uri(as_node(node_));
    if (!dt) return {};
    std::size_t n = 0;
    const unsigned char* p = librdf_uri_as_counted_string(dt, &n);
    return view(p, n);
}

std::string_view NodeRef::language() const noexcept {
    if (!is_literal()) return {};
    const char* lang = librdf_node_get_literal_value_language(as_node(node_));
    return lang ? std::string_view(lang) : std::string_view();
}

std::string_view NodeRef::blank_id() const noexcept {
    if (!is_blank()) return {};
    std::size_t n = 0;
    const unsigned char* p = librdf_node_get_counted_blank_identifier(as_node(node_), &n);
    return view(p, n);
}

::newskg::Term NodeRef::term() const {
    using ::newskg::Term;
    if (is_literal())
        return Term::literal(std::string(literal()), std::string(datatype()), std::string(language()));
    if (is_blank()) return Term::blank(std::string(blank_id()));
    return Term::iri(std::string(iri()));
}

std::string NodeRef::describe() const {
    if (is_iri()) return "<" + std::string(iri()) + ">";
    if (is_blank()) return "_:" + std::string(blank_id());
    if (is_literal()) return "\"" + std::string(literal()) + "\"";
    return "(null node)";
}

// ---------------------------------------------------------------- Node

Node Node::iri(World& world, std::string_view iri) {
    std::string s(iri);
    librdf_node* raw = librdf_new_node_from_counted_uri_string(world.get(), uchars(s), s.size());
    if (!raw) throw rdf_error(ids::rdf::kNodeFailed, "librdf rejected the IRI <" + s + ">");
    return Node(raw);
}

Node Node::literal(World& world, std::string_view text, std::string_view lang) {
    std::string s(text);
    std::string l(lang);
    // The counted constructor keeps embedded NULs and does not rely on termination.
    librdf_node* raw = librdf_new_node_from_typed_counted_literal(
        world.get(), uchars(s), s.size(), l.empty() ? nullptr : l.c_str(), l.size(), nullptr);
    if (!raw) throw rdf_error(ids::rdf::kNodeFailed, "librdf rejected a literal");
    return Node(raw);
}

Node Node::typed_literal(World& world, std::string_view text, const Uri& datatype) {
    std::string s(text);
    librdf_node* raw = librdf_new_node_from_typed_counted_literal(world.get(), uchars(s), s.size(),
                                                                  nullptr, 0, datatype.get());
    if (!raw) throw rdf_error(ids::rdf::kNodeFailed, "librdf rejected a typed literal \"" + s + "\"");
    return Node(raw);
}

Node Node::blank(World& world, std::string_view id) {
    std::string s(id);
    librdf_node* raw = librdf_new_node_from_counted_blank_identifier(world.get(), uchars(s), s.size());
    if (!raw) throw rdf_error(ids::rdf::kNodeFailed, "librdf rejected the blank node _:" + s);
    return Node(raw);
}

Node Node::of(World& world, const ::newskg::Term& t) {
    using Kind = ::newskg::Term::Kind;
    switch (t.kind) {
    case Kind::Blank: return blank(world, t.value);
    case Kind::Literal:
        if (!t.datatype.empty()) return typed_literal(world, t.value, Uri(world, t.datatype));
        return literal(world, t.value, t.language);
    case Kind::Iri: break;
    }
    return iri(world, t.value);
}

Node Node::copy_of(NodeRef ref) {
    librdf_node* raw = librdf_new_node_from_node(as_node(ref.get()));
    if (!raw) throw rdf_error(ids::rdf::kNodeFailed, "cannot copy node " + ref.describe());
    return Node(raw);
}

// ---------------------------------------------------------------- statements

NodeRef StatementRef::subject() const noexcept {
    return NodeRef(librdf_statement_get_subject(as_statement(st_)));
}
NodeRef StatementRef::predicate() const noexcept {
    return NodeRef(librdf_statement_get_predicate(as_statement(st_)));
}
NodeRef StatementRef::object() const noexcept {
    return NodeRef(librdf_statement_get_object(as_statement(st_)));
}

Statement::Statement(World& world, Node subject, Node predicate, Node object) {
    // librdf_new_statement_from_nodes owns the nodes from here on, also when it fails
    // (it frees them then), so they are released before the call either way.
    st_.reset(librdf_new_statement_from_nodes(world.get(), as_node(subject.release()),
                                              as_node(predicate.release()), as_node(object.release())));
    if (!st_) throw rdf_error(ids::rdf::kStatementFailed, "cannot create a librdf statement");
}

// ---------------------------------------------------------------- Stream, NodeIterator

namespace {
/// What librdf returned for a stream or an iterator, which it returns null on failure.
template <class Raw>
Raw* returned(Raw* raw, const char* what) {
    if (!raw) throw rdf_error(ids::rdf::kStreamFailed, std::string("librdf returned no ") + what);
    return raw;
}
} // namespace

Stream::Stream(librdf_stream* raw) : stream_(returned(raw, "stream")) {}
bool Stream::end() const noexcept { return librdf_stream_end(stream_.get()) != 0; }
void Stream::next() noexcept { librdf_stream_next(stream_.get()); }
StatementRef Stream::current() const noexcept {
    return StatementRef(librdf_stream_get_object(stream_.get()));
}

NodeRef Stream::context() const noexcept {
    // librdf_stream_get_context2 returns the context node without a new reference.
    return NodeRef(librdf_stream_get_context2(stream_.get()));
}

NodeIterator::NodeIterator(librdf_iterator* raw) : it_(returned(raw, "iterator")) {}
bool NodeIterator::end() const noexcept { return librdf_iterator_end(it_.get()) != 0; }
void NodeIterator::next() noexcept { librdf_iterator_next(it_.get()); }
NodeRef NodeIterator::current() const noexcept {
    return NodeRef(librdf_iterator_get_object(it_.get()));
}

// ---------------------------------------------------------------- Storage, Model

Storage Storage::in_memory(World& world) {
    // "trees" (balanced trees) inserts and iterates in logarithmic time and is the
    // fastest in-memory storage librdf has; "hashes" is the fallback for builds of
    // librdf without it. Not "memory": it checks every insert against a linked list,
    // which makes building a model of n triples quadratic.
    librdf_storage* raw = librdf_new_storage(world.get(), "trees", "newskg", nullptr);
    if (!raw) {
        world.take_messages(); // the failed attempt's complaint is not the caller's error
        raw = librdf_new_storage(world.get(), "hashes", "newskg", "hash-type='memory'");
    }
    if (!raw) throw rdf_error(ids::rdf::kStorageFailed, "cannot create an in-memory librdf storage");
    return Storage(raw);
}

Storage Storage::in_memory_with_contexts(World& world) {
    // Two hashes (subject-predicate, predicate-object) as in_memory's fallback, plus the
    // contexts index that lets the stream report each statement's graph.
    librdf_storage* raw =
        librdf_new_storage(world.get(), "hashes", "newskg", "hash-type='memory',contexts='yes'");
    if (!raw) throw rdf_error(ids::rdf::kStorageFailed, "cannot create an in-memory librdf storage with contexts");
    return Storage(raw);
}

Storage Storage::on_disk(World& world, const std::string& dir, const std::string& name, bool create,
                         bool read_only) {
    // librdf's option syntax quotes values with ' and has no escape for it.
    if (dir.find('\'') != std::string::npos)
        throw rdf_error(ids::rdf::kStoreFailed, dir + ": a store directory name cannot contain '");
    std::string options = "hash-type='bdb',contexts='yes',dir='" + dir + "'";
    if (create) options += ",new='yes'";
    if (read_only) options += ",write='no'";
    world.take_messages();
    librdf_storage* raw = librdf_new_storage(world.get(), "hashes", name.c_str(), options.c_str());
    if (!raw) {
        std::string why = "cannot open the Berkeley DB files of the store";
        for (const auto& e : world.take_messages())
            if (!e.message.empty()) why += ": " + e.message;
        throw rdf_error(ids::rdf::kStoreFailed, dir + ": " + why);
    }
    return Storage(raw);
}

Model::Model(World& world, Storage& storage) : world_(&world) {
    model_.reset(librdf_new_model(world.get(), storage.get(), nullptr));
    if (!model_) throw rdf_error(ids::rdf::kModelFailed, "cannot create a librdf model");
}

void Model::add(Node subject, Node predicate, Node object) {
    // librdf_model_add takes the three nodes whatever it returns.
    int rc = librdf_model_add(model_.get(), as_node(subject.release()), as_node(predicate.release()),
                              as_node(object.release()));
    if (rc != 0) throw rdf_error(ids::rdf::kStatementFailed, "librdf refused to add a statement");
}

void Model::add(const Statement& statement) {
    if (librdf_model_add_statement(model_.get(), as_statement(statement.get())) != 0)
        throw rdf_error(ids::rdf::kStatementFailed, "librdf refused to add a statement");
}

void Model::add(StatementRef statement) {
    // librdf_model_add_statement copies the statement; the stream keeps its own.
    if (librdf_model_add_statement(model_.get(), as_statement(statement.get())) != 0)
        throw rdf_error(ids::rdf::kStatementFailed, "librdf refused to add a statement");
}

void Model::add(Node subject, Node predicate, Node object, const Node& graph) {
    Statement st(*world_, std::move(subject), std::move(predicate), std::move(object));
    // The statement and the context node are copied by the storage, so both stay ours.
    // A storage without contexts answers non-zero (after logging a warning).
    if (librdf_model_context_add_statement(model_.get(), as_node(graph.get()), as_statement(st.get())) != 0)
        throw rdf_error(ids::rdf::kStatementFailed, "librdf refused to add a statement to graph " +
                                                        graph.ref().describe() + " (does the storage keep contexts?)");
}

std::size_t Model::size() const {
    int n = librdf_model_size(model_.get());
    return n < 0 ? 0 : static_cast<std::size_t>(n);
}

Stream Model::statements() const { return Stream(librdf_model_as_stream(model_.get())); }

NodeIterator Model::targets(const Node& subject, const Node& predicate) const {
    return NodeIterator(
        librdf_model_get_targets(model_.get(), as_node(subject.get()), as_node(predicate.get())));
}

void Model::add(const Statement& statement, const Node* graph) {
    if (!graph) {
        add_to_default_graph(statement);
        return;
    }
    if (librdf_model_context_add_statement(model_.get(), as_node(graph->get()), as_statement(statement.get())) != 0)
        throw rdf_error(ids::rdf::kStatementFailed, "librdf refused to add a statement");
}

bool Model::add_to_default_graph(const Statement& statement) {
    // The hashes storage adds nothing to the default graph when a named graph holds the
    // triple (its duplicate check looks in every graph), but adds to a named graph
    // whatever the default graph holds. So the triple leaves the named graphs that hold
    // it, goes into the default graph, and goes back into each of them: stored once per
    // graph, it then survives the removal of any of those graphs.
    std::vector<Node> holders;
    for (Stream found(librdf_model_find_statements(model_.get(), as_statement(statement.get()))); !found.end();
         found.next()) {
        if (found.context().is_null()) return false;
        holders.push_back(Node::copy_of(found.context()));
    }
    for (const Node& g : holders)
        if (librdf_model_context_remove_statement(model_.get(), as_node(g.get()), as_statement(statement.get())) != 0)
            throw rdf_error(ids::rdf::kStatementFailed,
                            "librdf could not move a statement out of graph " + g.ref().describe());
    if (librdf_model_add_statement(model_.get(), as_statement(statement.get())) != 0)
        throw rdf_error(ids::rdf::kStatementFailed, "librdf refused to add a statement");
    for (const Node& g : holders)
        if (librdf_model_context_add_statement(model_.get(), as_node(g.get()), as_statement(statement.get())) != 0)
            throw rdf_error(ids::rdf::kStatementFailed,
                            "librdf could not put a statement back into graph " + g.ref().describe());
    return true;
}

bool Model::contains(const Statement& statement, const Node* graph) const {
    // librdf_model_contains_statement answers -1 (unsupported) on a hashes storage that
    // keeps contexts, so both cases search.
    if (!graph) return where(statement) == Where::DefaultGraph;
    Stream found(librdf_model_find_statements_in_context(model_.get(), as_statement(statement.get()),
                                                         as_node(graph->get())));
    return !found.end();
}

Model::Where Model::where(const Statement& statement) const {
    // The search matches the triple in every graph; only a match without a context is
    // in the default graph.
    Where w = Where::Nowhere;
    for (Stream found(librdf_model_find_statements(model_.get(), as_statement(statement.get()))); !found.end();
         found.next()) {
        if (found.context().is_null()) return Where::DefaultGraph;
        w = Where::NamedGraphsOnly;
    }
    return w;
}

void Model::remove(const Statement& statement, const Node* graph) {
    // Both calls answer non-zero for a statement that is not there, which is fine here.
    if (graph)
        librdf_model_context_remove_statement(model_.get(), as_node(graph->get()), as_statement(statement.get()));
    else
        librdf_model_remove_statement(model_.get(), as_statement(statement.get()));
}

void Model::remove_graph(const Node& graph) {
    if (librdf_model_context_remove_statements(model_.get(), as_node(graph.get())) != 0)
        throw rdf_error(ids::rdf::kStatementFailed, "librdf could not remove graph " + graph.ref().describe());
}

Stream Model::statements_in(const Node& graph) const {
    return Stream(librdf_model_context_as_stream(model_.get(), as_node(graph.get())));
}

NodeIterator Model::graphs() const { return NodeIterator(librdf_model_get_contexts(model_.get())); }

void Model::sync() {
    if (librdf_model_sync(model_.get()) != 0)
        throw rdf_error(ids::rdf::kStoreFailed, "librdf could not write the store to disk");
}

// ---------------------------------------------------------------- Parser

Parser::Parser(World& world, const std::string& syntax) : world_(&world), syntax_(syntax) {
    parser_.reset(librdf_new_parser(world.get(), syntax.c_str(), nullptr, nullptr));
    if (!parser_) throw rdf_error(ids::rdf::kParserFailed, "librdf has no parser for " + syntax);
    // Graph files come from elsewhere: an RDF/XML DOCTYPE may declare external entities or
    // a remote DTD pointing at local files or internal hosts. Raptor must fetch nothing.
    const std::pair<const char*, const char*> options[] = {
        {"http://feature.librdf.org/raptor-noNet", "1"},
        {"http://feature.librdf.org/raptor-noFile", "1"},
        {"http://feature.librdf.org/raptor-loadExternalEntities", "0"},
    };
    for (const auto& [feature, value] : options) {
        Uri uri(world, feature);
        Node v = Node::literal(world, value, "");
        // A parser without the option (one that reads no XML) refuses it: nothing to deny.
        librdf_parser_set_feature(parser_.get(), uri.get(), static_cast<librdf_node*>(v.get()));
    }
}

void Parser::fail(const std::string& name, const std::string& fallback) {
    // The first error is the useful one; later ones are usually its consequences.
    for (const auto& e : world_->take_messages()) {
        if (!e.error) continue;
        std::string where = name;
        if (e.line > 0) where += ":" + std::to_string(e.line);
        throw rdf_error(ids::rdf::kParseError, where + ": " + e.message);
    }
    throw rdf_error(ids::rdf::kParseError, name + ": " + fallback);
}

void Parser::parse_file(const std::string& path, Model& model,
                        const std::function<void(StatementRef)>& each) {
    // Checked here so a missing file gets a plain message rather than raptor's.
    if (std::FILE* f = std::fopen(path.c_str(), "rb"))
        std::fclose(f);
    else
        throw rdf_error(ids::rdf::kParseError, path + ": cannot open file");
    world_->take_messages();
    Uri uri = Uri::from_filename(*world_, path);
    librdf_stream* raw = librdf_parser_parse_as_stream(parser_.get(), uri.get(), uri.get());
    if (!raw) fail(path, "the RDF parser failed");
    // Parsing happens lazily as the stream advances, so errors show up in the log
    // while iterating; they are checked once the stream is exhausted.
    Stream stream(raw);
    for (; !stream.end() && !world_->has_errors(); stream.next()) {
        StatementRef st = stream.current();
        if (librdf_model_add_statement(model.get(), as_statement(st.get())) != 0)
            throw rdf_error(ids::rdf::kStatementFailed, path + ": librdf refused to add a statement");
        if (each) each(st);
    }
    if (world_->has_errors()) fail(path, "the RDF parser failed");
}

namespace {

/// Runs a raptor parser that fetches nothing, started on its input by `feed` (which
/// returns raptor's status), handing every statement to `each`; rethrows what `each`
/// threw. The two quad readers differ only in how they feed it.
int parse_quads_with(World& world, const std::string& syntax,
                     const std::function<void(StatementRef, NodeRef)>& each,
                     const std::function<int(raptor_parser*)>& feed) {
    world.take_messages();
    RaptorParser parser = safe_raptor_parser(world, syntax);
    QuadSink sink;
    sink.each = &each;
    sink.parser = parser.get();
    raptor_parser_set_statement_handler(parser.get(), &sink, &on_quad);
    const int rc = feed(parser.get());
    if (sink.failure) std::rethrow_exception(sink.failure);
    return rc;
}

} // namespace

void Parser::parse_file_quads(const std::string& path,
                              const std::function<void(StatementRef, NodeRef)>& each) {
    if (std::FILE* f = std::fopen(path.c_str(), "rb"))
        std::fclose(f);
    else
        throw rdf_error(ids::rdf::kParseError, path + ": cannot open file");
    const int rc = parse_quads_with(*world_, syntax_, each, [&](raptor_parser* parser) {
        Uri uri = Uri::from_filename(*world_, path);
        return raptor_parser_parse_file(parser, uri.get(), uri.get());
    });
    if (rc != 0 || world_->has_errors()) fail(path, "the RDF parser failed");
}

void Parser::parse_string_quads(std::string_view text, const std::string& base_iri, const std::string& name,
                                const std::function<void(StatementRef, NodeRef)>& each) {
    const int rc = parse_quads_with(*world_, syntax_, each, [&](raptor_parser* parser) {
        Uri base(*world_, base_iri);
        int status = raptor_parser_parse_start(parser, base.get());
        if (status == 0)
            status = raptor_parser_parse_chunk(parser, reinterpret_cast<const unsigned char*>(text.data()),
                                               text.size(), 1);
        return status;
    });
    if (rc != 0 || world_->has_errors()) fail(name, "the RDF parser failed");
}

void Parser::parse_string(std::string_view text, const std::string& base_iri, Model& model,
                          const std::string& name) {
    world_->take_messages();
    Uri base(*world_, base_iri);
    std::string copy(text);
    int rc = librdf_parser_parse_counted_string_into_model(parser_.get(), uchars(copy), copy.size(),
                                                           base.get(), model.get());
    if (rc != 0 || world_->has_errors()) fail(name, "the RDF parser failed");
}

// ---------------------------------------------------------------- Query

Query::Query(World& world, const std::string& sparql) : world_(&world) {
    world.take_messages();
    query_.reset(librdf_new_query(world.get(), "sparql", nullptr, uchars(sparql), nullptr));
    if (!query_ || world.has_errors()) {
        std::string why = "not a SPARQL query";
        for (const auto& e : world.take_messages())
            if (e.error) {
                why = e.message;
                if (e.line > 0) why = "line " + std::to_string(e.line) + ": " + why;
                break;
            }
        throw rdf_error(ids::rdf::kQueryError, "SPARQL syntax error: " + why);
    }
}

QueryResults Query::execute(Model& model) {
    world_->take_messages();
    librdf_query_results* raw = librdf_model_query_execute(model.get(), query_.get());
    if (!raw || world_->has_errors()) {
        if (raw) librdf_free_query_results(raw);
        std::string why = "the query failed";
        for (const auto& e : world_->take_messages())
            if (e.error) {
                why = e.message;
                break;
            }
        throw rdf_error(ids::rdf::kQueryError, "SPARQL: " + why);
    }
    // Rasqal's warnings (a variable selected but never bound…) are not the caller's concern.
    world_->take_messages();
    return QueryResults(raw);
}

QueryResults::QueryResults(librdf_query_results* raw) : results_(raw) {
    if (!results_) throw rdf_error(ids::rdf::kQueryError, "librdf returned no query results");
}
bool QueryResults::is_bindings() const noexcept { return librdf_query_results_is_bindings(results_.get()) != 0; }
bool QueryResults::is_boolean() const noexcept { return librdf_query_results_is_boolean(results_.get()) != 0; }
bool QueryResults::is_graph() const noexcept { return librdf_query_results_is_graph(results_.get()) != 0; }

std::vector<std::string> QueryResults::variables() const {
    std::vector<std::string> out;
    int n = librdf_query_results_get_bindings_count(results_.get());
    for (int i = 0; i < n; ++i) {
        const char* name = librdf_query_results_get_binding_name(results_.get(), i);
        out.emplace_back(name ? name : "");
    }
    return out;
}

bool QueryResults::finished() const noexcept { return librdf_query_results_finished(results_.get()) != 0; }
void QueryResults::next() noexcept { librdf_query_results_next(results_.get()); }

std::optional<Node> QueryResults::value(int i) const {
    librdf_node* raw = librdf_query_results_get_binding_value(results_.get(), i);
    if (!raw) return std::nullopt;
    return Node(raw);
}

bool QueryResults::boolean() const {
    int b = librdf_query_results_get_boolean(results_.get());
    if (b < 0) throw rdf_error(ids::rdf::kQueryError, "the query has no boolean answer");
    return b > 0;
}

Stream QueryResults::statements() { return Stream(librdf_query_results_as_stream(results_.get())); }

// ---------------------------------------------------------------- Serializer

Serializer::Serializer(World& world, const std::string& syntax) : world_(&world) {
    serializer_.reset(librdf_new_serializer(world.get(), syntax.c_str(), nullptr, nullptr));
    if (!serializer_) throw rdf_error(ids::rdf::kSerializerFailed, "librdf has no serializer for " + syntax);
}

void Serializer::set_namespace(const std::string& prefix, std::string_view iri) {
    Uri uri(*world_, iri);
    // librdf copies the URI, so the temporary may go.
    if (librdf_serializer_set_namespace(serializer_.get(), uri.get(), prefix.c_str()) != 0)
        throw rdf_error(ids::rdf::kSerializerFailed, "cannot declare prefix " + prefix);
}

std::string Serializer::to_string(const Model& model) {
    world_->take_messages();
    // Written through a stdio memory stream rather than librdf's to-string call: raptor's
    // string writer allocates for every small piece it appends, which made serialising
    // a large graph several times slower than writing the same bytes to a FILE*.
    char* buf = nullptr;
    std::size_t len = 0;
    std::unique_ptr<char, FreeDeleter> owned;
    {
        std::unique_ptr<std::FILE, FileCloser> fh(open_memstream(&buf, &len));
        if (!fh) throw rdf_error(ids::rdf::kSerializeError, "cannot open a memory stream");
        int rc = librdf_serializer_serialize_model_to_file_handle(serializer_.get(), fh.get(), nullptr,
                                                                  model.get());
        // Closing flushes the stream and sets buf and len for the last time.
        std::FILE* raw = fh.release();
        int closed = std::fclose(raw);
        owned.reset(buf);
        if (rc != 0 || closed != 0 || world_->has_errors()) {
            std::string why = "the RDF serializer failed";
            for (const auto& e : world_->take_messages())
                if (e.error) {
                    why = e.message;
                    break;
                }
            throw rdf_error(ids::rdf::kSerializeError, why);
        }
    }
    return buf ? std::string(buf, len) : std::string();
}

} // namespace newskg::rdf
