#pragma once
/// Private RAII wrappers around librdf (Redland). This header and rdf.cpp are the only
/// places in newskg that call librdf's free functions: everything else holds these
/// move-only owners, so a throw anywhere in the ontology loader or the exporter cannot
/// leak a world, model or node.
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
#include <string>
#include <string_view>
#include <vector>

#include <redland.h>

#include "newskg/core/error.hpp"

namespace newskg::rdf {

/// Error codes of rdf_error raised here (the id is "newskg.rdf.<code>").
enum ErrorCode : int {
    kWorldFailed = 1,
    kStorageFailed = 2,
    kModelFailed = 3,
    kParserFailed = 4,
    kSerializerFailed = 5,
    kNodeFailed = 6,
    kStatementFailed = 7,
    kStreamFailed = 8,
    kParseError = 10,
    kSerializeError = 11,
};

namespace detail {
struct WorldDeleter {
    void operator()(librdf_world* p) const noexcept { librdf_free_world(p); }
};
struct StorageDeleter {
    void operator()(librdf_storage* p) const noexcept { librdf_free_storage(p); }
};
struct ModelDeleter {
    void operator()(librdf_model* p) const noexcept { librdf_free_model(p); }
};
struct ParserDeleter {
    void operator()(librdf_parser* p) const noexcept { librdf_free_parser(p); }
};
struct SerializerDeleter {
    void operator()(librdf_serializer* p) const noexcept { librdf_free_serializer(p); }
};
struct NodeDeleter {
    void operator()(librdf_node* p) const noexcept { librdf_free_node(p); }
};
struct StatementDeleter {
    void operator()(librdf_statement* p) const noexcept { librdf_free_statement(p); }
};
struct StreamDeleter {
    void operator()(librdf_stream* p) const noexcept { librdf_free_stream(p); }
};
struct IteratorDeleter {
    void operator()(librdf_iterator* p) const noexcept { librdf_free_iterator(p); }
};
struct UriDeleter {
    void operator()(librdf_uri* p) const noexcept { librdf_free_uri(p); }
};
struct MemoryDeleter {
    void operator()(unsigned char* p) const noexcept { librdf_free_memory(p); }
};
} // namespace detail

/// One message librdf (or raptor underneath) reported through the world's logger.
struct LogEntry {
    librdf_log_level level = LIBRDF_LOG_NONE;
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

    librdf_world* get() const noexcept { return world_.get(); }
    /// Messages logged since the last call (warnings and errors), oldest first.
    std::vector<LogEntry> take_messages();
    /// True when an error (not a warning) was logged since the last take_messages().
    bool has_errors() const noexcept;

  private:
    // The log lives on the heap so the logger's user_data stays valid when the World
    // is moved. Declared before the world so it is destroyed after it: freeing the
    // world may still log.
    std::unique_ptr<std::vector<LogEntry>> log_;
    std::unique_ptr<librdf_world, detail::WorldDeleter> world_;
};

/// An owned URI.
class Uri {
  public:
    Uri(World& world, std::string_view uri);
    /// A file: URI for a local path (what librdf_parser_parse_into_model wants).
    static Uri from_filename(World& world, const std::string& path);

    librdf_uri* get() const noexcept { return uri_.get(); }
    std::string str() const;

  private:
    explicit Uri(librdf_uri* raw) : uri_(raw) {}
    std::unique_ptr<librdf_uri, detail::UriDeleter> uri_;
};

/// A borrowed node (owned by a stream, statement or model). Valid only as long as
/// its owner; copy the text out if it must live longer.
class NodeRef {
  public:
    explicit NodeRef(librdf_node* node) noexcept : node_(node) {}
    librdf_node* get() const noexcept { return node_; }
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

  private:
    librdf_node* node_;
};

/// An owned node.
class Node {
  public:
    static Node iri(World& world, std::string_view iri);
    /// A plain literal, with a language tag when `lang` is not empty.
    static Node literal(World& world, std::string_view text, std::string_view lang = {});
    static Node typed_literal(World& world, std::string_view text, const Uri& datatype);
    static Node blank(World& world, std::string_view id);
    /// A new node equal to a borrowed one.
    static Node copy_of(NodeRef ref);

    librdf_node* get() const noexcept { return node_.get(); }
    NodeRef ref() const noexcept { return NodeRef(node_.get()); }
    /// Gives up ownership: for librdf calls that take the node.
    librdf_node* release() noexcept { return node_.release(); }

  private:
    explicit Node(librdf_node* raw) : node_(raw) {}
    std::unique_ptr<librdf_node, detail::NodeDeleter> node_;
};

/// A borrowed statement (from a stream).
class StatementRef {
  public:
    explicit StatementRef(librdf_statement* st) noexcept : st_(st) {}
    librdf_statement* get() const noexcept { return st_; }
    NodeRef subject() const noexcept;
    NodeRef predicate() const noexcept;
    NodeRef object() const noexcept;

  private:
    librdf_statement* st_;
};

/// An owned statement. Construction takes the three nodes (librdf frees them with the
/// statement).
class Statement {
  public:
    Statement(World& world, Node subject, Node predicate, Node object);
    librdf_statement* get() const noexcept { return st_.get(); }
    StatementRef ref() const noexcept { return StatementRef(st_.get()); }

  private:
    std::unique_ptr<librdf_statement, detail::StatementDeleter> st_;
};

/// An owned stream of statements. The current statement is borrowed from the stream.
class Stream {
  public:
    explicit Stream(librdf_stream* raw);
    bool end() const noexcept;
    void next() noexcept;
    StatementRef current() const noexcept;
    /// Calls f(StatementRef) for each remaining statement.
    template <class F>
    void for_each(F&& f) {
        for (; !end(); next()) f(current());
    }

  private:
    std::unique_ptr<librdf_stream, detail::StreamDeleter> stream_;
};

/// An owned iterator over nodes (librdf_model_get_targets and friends).
class NodeIterator {
  public:
    explicit NodeIterator(librdf_iterator* raw);
    bool end() const noexcept;
    void next() noexcept;
    NodeRef current() const noexcept;

  private:
    std::unique_ptr<librdf_iterator, detail::IteratorDeleter> it_;
};

/// An owned in-memory storage. The indexed "hashes" storage is used because the
/// plain "memory" storage checks every insert against a linked list, which makes
/// building a model of n triples quadratic.
class Storage {
  public:
    static Storage in_memory(World& world);
    librdf_storage* get() const noexcept { return storage_.get(); }

  private:
    explicit Storage(librdf_storage* raw) : storage_(raw) {}
    std::unique_ptr<librdf_storage, detail::StorageDeleter> storage_;
};

/// An owned model over a storage (the storage must outlive the model).
class Model {
  public:
    Model(World& world, Storage& storage);
    librdf_model* get() const noexcept { return model_.get(); }
    /// Adds subject–predicate–object; the nodes are consumed.
    void add(Node subject, Node predicate, Node object);
    /// Adds a copy of a statement.
    void add(const Statement& statement);
    std::size_t size() const;
    /// Every statement of the model.
    Stream statements() const;
    /// The objects of (subject, predicate, ?).
    NodeIterator targets(const Node& subject, const Node& predicate) const;

  private:
    World* world_;
    std::unique_ptr<librdf_model, detail::ModelDeleter> model_;
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
    /// Parses text into the model; `name` stands for the source in messages.
    void parse_string(std::string_view text, const std::string& base_iri, Model& model,
                      const std::string& name);

  private:
    [[noreturn]] void fail(const std::string& name, const std::string& fallback);
    World* world_;
    std::unique_ptr<librdf_parser, detail::ParserDeleter> parser_;
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
    std::unique_ptr<librdf_serializer, detail::SerializerDeleter> serializer_;
};

} // namespace newskg::rdf
