#pragma once
/// Private RAII wrappers around librdf (Redland). rdf.cpp is the only file in newskg
/// that calls librdf's functions: everything else holds these move-only owners, so a
/// throw anywhere in the ontology loader or the exporter cannot leak a world, model or
/// node.
///
/// Ownership rules of librdf that the wrappers encode:
///  * librdf_new_statement_from_nodes and librdf_model_add take the nodes they are
///    given, so those entry points accept Node by value and release it;
///  * nodes, statements and URIs obtained from a stream or iterator are borrowed (the
///    stream owns them), so they are exposed as NodeRef / StatementRef views whose
///    lifetime ends with the next advance of the stream;
///  * every object refers to its World, which must outlive it (declare the World
///    first so it is destroyed last).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/core/error.hpp"
#include "newskg/io/term.hpp"

// librdf's handle types, declared rather than included: <redland.h> needs Redland's
// include paths, which only the library target has, and code that includes this header
// (the tests) should not need them. Nodes and statements are raptor types declared as
// anonymous structs, which cannot be forward-declared, so they travel as void* here and
// are cast back in rdf.cpp, the only file that includes <redland.h>.
struct librdf_world_s;
struct librdf_storage_s;
struct librdf_model_s;
struct librdf_parser_s;
struct librdf_serializer_s;
struct librdf_stream_s;
struct librdf_iterator_s;
struct librdf_query_s;
struct librdf_query_results_s;
struct raptor_uri_s;

namespace newskg::rdf {

namespace detail {
// Defined in rdf.cpp, where librdf's free functions are visible.
struct WorldDeleter {
    void operator()(librdf_world_s* p) const noexcept;
};
struct StorageDeleter {
    void operator()(librdf_storage_s* p) const noexcept;
};
struct ModelDeleter {
    void operator()(librdf_model_s* p) const noexcept;
};
struct ParserDeleter {
    void operator()(librdf_parser_s* p) const noexcept;
};
struct SerializerDeleter {
    void operator()(librdf_serializer_s* p) const noexcept;
};
struct NodeDeleter {
    void operator()(void* p) const noexcept;
};
struct StatementDeleter {
    void operator()(void* p) const noexcept;
};
struct StreamDeleter {
    void operator()(librdf_stream_s* p) const noexcept;
};
struct IteratorDeleter {
    void operator()(librdf_iterator_s* p) const noexcept;
};
struct UriDeleter {
    void operator()(raptor_uri_s* p) const noexcept;
};
struct QueryDeleter {
    void operator()(librdf_query_s* p) const noexcept;
};
struct QueryResultsDeleter {
    void operator()(librdf_query_results_s* p) const noexcept;
};
} // namespace detail

/// One message librdf (or raptor underneath) reported through the world's logger.
struct LogEntry {
    bool error = false; ///< an error or fatal error, not a warning or note
    std::string message;
    int line = -1; ///< 1-based line in the parsed input, -1 when unknown
    int column = -1;
};

/// A librdf world, opened, whose log messages are captured instead of printed: parse
/// errors must reach the caller as exceptions naming the file, not go to stderr.
/// Not thread-safe (librdf is not); use one World per thread.
class World {
  public:
    World();
    World(World&&) noexcept = default;
    World& operator=(World&&) noexcept = default;
    World(const World&) = delete;
    World& operator=(const World&) = delete;
    ~World() = default;

    librdf_world_s* get() const noexcept { return world_.get(); }
    /// Messages logged since the last call (warnings and errors), oldest first.
    std::vector<LogEntry> take_messages();
    /// True when an error (not a warning) was logged since the last take_messages().
    bool has_errors() const noexcept;

  private:
    // The log lives on the heap so the logger's user_data stays valid when the World
    // is moved. Declared before the world so it is destroyed after it: freeing the
    // world may still log.
    std::unique_ptr<std::vector<LogEntry>> log_;
    std::unique_ptr<librdf_world_s, detail::WorldDeleter> world_;
};

/// An owned URI.
class Uri {
  public:
    Uri(World& world, std::string_view uri);
    /// A file: URI for a local path (what librdf_parser_parse_into_model wants).
    static Uri from_filename(World& world, const std::string& path);

    raptor_uri_s* get() const noexcept { return uri_.get(); }
    std::string str() const;

  private:
    explicit Uri(raptor_uri_s* raw) : uri_(raw) {}
    std::unique_ptr<raptor_uri_s, detail::UriDeleter> uri_;
};

/// A borrowed node (owned by a stream, statement or model). Valid only as long as
/// its owner; copy the text out if it must live longer.
class NodeRef {
  public:
    /// `node` is a librdf_node*.
    explicit NodeRef(void* node) noexcept : node_(node) {}
    void* get() const noexcept { return node_; }
    /// True for the absent node: the graph of a statement in the default graph.
    bool is_null() const noexcept { return node_ == nullptr; }
    bool is_iri() const noexcept;
    bool is_literal() const noexcept;
    bool is_blank() const noexcept;
    /// The IRI of a resource node; empty for other kinds.
    std::string_view iri() const noexcept;
    /// The lexical form of a literal; empty for other kinds.
    std::string_view literal() const noexcept;
    /// The datatype IRI of a typed literal; empty when plain.
    std::string_view datatype() const noexcept;
    /// The language tag of a plain literal; empty when none.
    std::string_view language() const noexcept;
    /// The identifier of a blank node; empty for other kinds.
    std::string_view blank_id() const noexcept;
    /// IRI, "_:" + blank id, or the literal's lexical form: for messages.
    std::string describe() const;
    /// The node copied out as a plain value (an empty IRI for a null ref).
    ::newskg::Term term() const;

  private:
    void* node_;
};

/// An owned node.
class Node {
  public:
    static Node iri(World& world, std::string_view iri);
    /// A plain literal, with a language tag when `lang` is not empty.
    static Node literal(World& world, std::string_view text, std::string_view lang = {});
    static Node typed_literal(World& world, std::string_view text, const Uri& datatype);
    static Node blank(World& world, std::string_view id);
    /// The node of a plain term (the reverse of NodeRef::term).
    static Node of(World& world, const ::newskg::Term& term);
    /// Another owner of a borrowed node, valid after the borrow ends (librdf counts
    /// references, so it may be the same pointer).
    static Node copy_of(NodeRef ref);

    /// The librdf_node*.
    void* get() const noexcept { return node_.get(); }
    NodeRef ref() const noexcept { return NodeRef(node_.get()); }
    /// Gives up ownership: for librdf calls that take the node.
    void* release() noexcept { return node_.release(); }

  private:
    friend class QueryResults; // adopts the new nodes librdf returns for bindings
    explicit Node(void* raw) : node_(raw) {}
    std::unique_ptr<void, detail::NodeDeleter> node_;
};

/// A borrowed statement (from a stream).
class StatementRef {
  public:
    /// `st` is a librdf_statement*.
    explicit StatementRef(void* st) noexcept : st_(st) {}
    void* get() const noexcept { return st_; }
    NodeRef subject() const noexcept;
    NodeRef predicate() const noexcept;
    NodeRef object() const noexcept;

  private:
    void* st_;
};

/// An owned statement. Construction takes the three nodes (librdf frees them with the
/// statement).
class Statement {
  public:
    Statement(World& world, Node subject, Node predicate, Node object);
    /// The librdf_statement*.
    void* get() const noexcept { return st_.get(); }
    StatementRef ref() const noexcept { return StatementRef(st_.get()); }

  private:
    std::unique_ptr<void, detail::StatementDeleter> st_;
};

/// An owned stream of statements. The current statement is borrowed from the stream.
class Stream {
  public:
    explicit Stream(librdf_stream_s* raw);
    bool end() const noexcept;
    void next() noexcept;
    StatementRef current() const noexcept;
    /// The named graph (librdf: context) of the current statement; a null NodeRef when
    /// it is in the default graph or the storage keeps no graphs. Borrowed like current().
    NodeRef context() const noexcept;
    /// Calls f(StatementRef) for each remaining statement.
    template <class F>
    void for_each(F&& f) {
        for (; !end(); next()) f(current());
    }

  private:
    std::unique_ptr<librdf_stream_s, detail::StreamDeleter> stream_;
};

/// An owned iterator over nodes (librdf_model_get_targets and friends).
class NodeIterator {
  public:
    explicit NodeIterator(librdf_iterator_s* raw);
    bool end() const noexcept;
    void next() noexcept;
    NodeRef current() const noexcept;

  private:
    std::unique_ptr<librdf_iterator_s, detail::IteratorDeleter> it_;
};

/// An owned in-memory storage: librdf's "trees" storage (balanced trees), else its
/// indexed "hashes" storage (see rdf.cpp for why not "memory").
class Storage {
  public:
    static Storage in_memory(World& world);
    /// An owned in-memory storage that keeps the named graph of every statement, for
    /// datasets (N-Quads, TriG): librdf's "hashes" storage with contexts, because
    /// "trees" refuses contexts. A triple stated in two graphs is kept twice.
    static Storage in_memory_with_contexts(World& world);
    /// A storage on disk in `dir`: librdf's "hashes" storage over Berkeley DB files
    /// (NAME-sp2o.db, -po2s.db, -so2p.db, -contexts.db) with contexts. `create` makes
    /// new, empty files (replacing any); otherwise the files must exist. `read_only`
    /// opens them without write access. throws rdf_error (kStoreFailed) naming the dir.
    static Storage on_disk(World& world, const std::string& dir, const std::string& name, bool create,
                           bool read_only);
    librdf_storage_s* get() const noexcept { return storage_.get(); }

  private:
    explicit Storage(librdf_storage_s* raw) : storage_(raw) {}
    std::unique_ptr<librdf_storage_s, detail::StorageDeleter> storage_;
};

/// An owned model over a storage (the storage must outlive the model).
class Model {
  public:
    Model(World& world, Storage& storage);
    librdf_model_s* get() const noexcept { return model_.get(); }
    /// Adds subject–predicate–object; the nodes are consumed.
    void add(Node subject, Node predicate, Node object);
    /// Adds a copy of a statement.
    void add(const Statement& statement);
    /// Adds a copy of a borrowed statement (from a stream of this or another model) to
    /// the default graph.
    void add(StatementRef statement);
    /// Adds subject–predicate–object to the named graph `graph`; the three nodes are
    /// consumed, the graph node is copied. The storage must keep contexts
    /// (Storage::in_memory_with_contexts); throws rdf_error otherwise.
    void add(Node subject, Node predicate, Node object, const Node& graph);
    std::size_t size() const;
    /// Every statement of the model.
    Stream statements() const;
    /// The objects of (subject, predicate, ?).
    NodeIterator targets(const Node& subject, const Node& predicate) const;

    // Named graphs (contexts) of a storage that keeps them. `graph` null means the
    // default graph.
    /// Adds a copy of the statement to `graph` (null: the default graph). A triple is
    /// kept once per graph that states it, the default graph included, so removing a
    /// named graph never takes a default-graph triple with it.
    void add(const Statement& statement, const Node* graph);
    /// Adds a copy of the statement to the default graph, beside any named graph that
    /// holds the triple; false (and nothing done) when the default graph holds it.
    bool add_to_default_graph(const Statement& statement);
    /// Whether the statement is in `graph` (null: in the default graph itself, not
    /// merely in some named graph).
    bool contains(const Statement& statement, const Node* graph) const;
    /// Where the triple is: in the default graph, only in named graphs, or nowhere.
    enum class Where { Nowhere, DefaultGraph, NamedGraphsOnly };
    Where where(const Statement& statement) const;
    /// Removes the statement from `graph`; absent statements are not an error.
    void remove(const Statement& statement, const Node* graph);
    /// Removes every statement of the named graph.
    void remove_graph(const Node& graph);
    /// The statements of one named graph.
    Stream statements_in(const Node& graph) const;
    /// The names of the graphs that hold statements.
    NodeIterator graphs() const;
    /// Writes what the storage caches to disk.
    void sync();

  private:
    World* world_;
    std::unique_ptr<librdf_model_s, detail::ModelDeleter> model_;
};

/// An owned parser ("turtle", "ntriples", "rdfxml" …).
class Parser {
  public:
    Parser(World& world, const std::string& syntax);
    /// Parses a local file into the model, calling `each` (when given) with every
    /// statement as it is added: callers learn which file a triple came from, which a
    /// merged model forgets. throws rdf_error (kParseError) whose message starts with
    /// "<path>:<line>: " when the file cannot be read or is malformed.
    void parse_file(const std::string& path, Model& model,
                    const std::function<void(StatementRef)>& each = {});
    /// Parses a local file calling `each(statement, graph)` for every statement, with
    /// the statement's named graph (a null NodeRef for the default graph): librdf's
    /// own parse calls drop the graph names of N-Quads and TriG, so this one drives the
    /// raptor parser underneath directly. Both refs are borrowed for the call. Errors as
    /// parse_file; an exception thrown by `each` stops the parse and is rethrown.
    void parse_file_quads(const std::string& path,
                          const std::function<void(StatementRef, NodeRef)>& each);
    /// The same for RDF text in memory; `name` stands for the source in messages.
    void parse_string_quads(std::string_view text, const std::string& base_iri, const std::string& name,
                            const std::function<void(StatementRef, NodeRef)>& each);
    /// Parses text into the model; `name` stands for the source in messages.
    void parse_string(std::string_view text, const std::string& base_iri, Model& model,
                      const std::string& name);

  private:
    [[noreturn]] void fail(const std::string& name, const std::string& fallback);
    World* world_;
    std::string syntax_;
    std::unique_ptr<librdf_parser_s, detail::ParserDeleter> parser_;
};

/// The results of a SPARQL query: variable bindings (SELECT), a boolean (ASK) or a
/// graph (CONSTRUCT, DESCRIBE).
class QueryResults {
  public:
    explicit QueryResults(librdf_query_results_s* raw);
    bool is_bindings() const noexcept;
    bool is_boolean() const noexcept;
    bool is_graph() const noexcept;
    /// Bindings: the names of the selected variables.
    std::vector<std::string> variables() const;
    /// Bindings: whether every row was read.
    bool finished() const noexcept;
    void next() noexcept;
    /// Bindings: the value of variable `i` in the current row; nullopt when unbound.
    /// (librdf hands out a new node, so it is owned.)
    std::optional<Node> value(int i) const;
    /// Boolean: the answer.
    bool boolean() const;
    /// Graph: the statements.
    Stream statements();

  private:
    std::unique_ptr<librdf_query_results_s, detail::QueryResultsDeleter> results_;
};

/// A parsed SPARQL 1.1 query (Rasqal, through librdf).
class Query {
  public:
    /// throws rdf_error (kQueryError) with Rasqal's message when the text is not SPARQL.
    Query(World& world, const std::string& sparql);
    /// Runs the query over the model. throws rdf_error (kQueryError) with the message.
    QueryResults execute(Model& model);

  private:
    World* world_;
    std::unique_ptr<librdf_query_s, detail::QueryDeleter> query_;
};

/// An owned serializer ("turtle", "ntriples" …).
class Serializer {
  public:
    Serializer(World& world, const std::string& syntax);
    /// Declares a prefix (used by syntaxes that abbreviate IRIs, e.g. Turtle).
    void set_namespace(const std::string& prefix, std::string_view iri);
    /// The whole model in this syntax. throws rdf_error (kSerializeError).
    std::string to_string(const Model& model);

  private:
    World* world_;
    std::unique_ptr<librdf_serializer_s, detail::SerializerDeleter> serializer_;
};

} // namespace newskg::rdf
