// SPDX-License-Identifier: Apache-2.0
#include "yamlparser.h"

#include <yaml.h>

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <new>
#include <unordered_map>

namespace Airgate::Yaml {

namespace {

constexpr std::string_view kTagStr = "tag:yaml.org,2002:str";
constexpr std::string_view kTagInt = "tag:yaml.org,2002:int";
constexpr std::string_view kTagFloat = "tag:yaml.org,2002:float";
constexpr std::string_view kTagBool = "tag:yaml.org,2002:bool";
constexpr std::string_view kTagNull = "tag:yaml.org,2002:null";
constexpr std::string_view kTagMap = "tag:yaml.org,2002:map";
constexpr std::string_view kTagSeq = "tag:yaml.org,2002:seq";

/// Thrown by the tree builder to stop reading a document; never escapes this file.
struct LimitExceeded
{
    Mark mark;
    std::string message;
};

/**
 * Line starts of a chunk, to turn 0-based reader positions (libyaml counts columns in characters)
 * and byte offsets into 1-based file lines and character columns.
 */
class LineIndex
{
public:
    LineIndex(std::string_view text, int firstLine)
        : m_text(text)
        , m_firstLine(firstLine)
    {
        m_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_starts.push_back(i + 1);
    }

    Mark mark(int line0, int byteColumn0) const
    {
        if (line0 < 0)
            return {};
        Mark m;
        m.line = m_firstLine + line0;
        m.column = byteColumn0 + 1;
        if (static_cast<std::size_t>(line0) < m_starts.size()) {
            const std::size_t start = m_starts[static_cast<std::size_t>(line0)];
            const std::size_t stop
                = std::min(m_text.size(), start + static_cast<std::size_t>(byteColumn0));
            int chars = 0;
            for (std::size_t i = start; i < stop; ++i)
                if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
                    ++chars;
            m.column = chars + 1;
        }
        return m;
    }

    /// A 0-based line and 0-based character column, as libyaml reports them. At the end of a
    /// text whose last line has no line break, libyaml counts one line more than there is: such a
    /// position is the end of the last line.
    Mark charMark(std::size_t line0, std::size_t column0) const
    {
        if (line0 >= m_starts.size()) {
            const std::size_t last = m_starts.size() - 1;
            int chars = 0;
            for (std::size_t i = m_starts[last]; i < m_text.size(); ++i)
                if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
                    ++chars;
            return {m_firstLine + static_cast<int>(last), chars + 1};
        }
        return {m_firstLine + static_cast<int>(line0), static_cast<int>(column0) + 1};
    }

    Mark markAtOffset(std::size_t offset) const
    {
        auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const int line0 = static_cast<int>(it - m_starts.begin()) - 1;
        return mark(line0, static_cast<int>(offset - m_starts[static_cast<std::size_t>(line0)]));
    }

private:
    std::string_view m_text;
    int m_firstLine;
    std::vector<std::size_t> m_starts;
};

/**
 * Storage for the nodes of one parsed text. Nodes (with their shared_ptr control blocks) are placed
 * in large blocks instead of one heap allocation each. Every node still has its own reference
 * count, so ownership is exactly that of ordinary shared_ptr trees; the arena counts the nodes it
 * holds (plus the parse itself) and frees its blocks when the last of them is gone.
 */
class NodeArena
{
public:
    NodeArena() = default;
    NodeArena(const NodeArena &) = delete;
    NodeArena &operator=(const NodeArena &) = delete;

    void *allocate(std::size_t bytes, std::size_t align)
    {
        std::size_t offset = (m_used + align - 1) & ~(align - 1);
        if (m_blocks.empty() || offset + bytes > m_blocks.back().size) {
            // Grow geometrically so small files stay small and large ones need few blocks.
            std::size_t size
                = m_blocks.empty() ? kFirstBlock : std::min(m_blocks.back().size * 2, kMaxBlock);
            size = std::max(size, bytes + align);
            m_blocks.push_back(allocateBlock(size));
            offset = 0;
        }
        m_used = offset + bytes;
        m_live.fetch_add(1, std::memory_order_relaxed);
        return m_blocks.back().data + offset;
    }

    /// Drops one hold (a node's storage, or the parse's own); the last one frees the arena.
    void release()
    {
        if (m_live.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete this;
    }

private:
    struct Block
    {
        char *data;
        std::size_t size;
        bool mapped;
    };

    ~NodeArena()
    {
        for (const Block &b : m_blocks) {
            if (b.mapped)
                munmap(b.data, b.size);
            else
                ::operator delete(b.data);
        }
    }

    static Block allocateBlock(std::size_t size)
    {
        if (size >= kMapThreshold) {
            // Large blocks are mapped with their pages populated in one call: one fault per page
            // costs more than the tree building itself on virtual machines.
            void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
            if (p != MAP_FAILED)
                return {static_cast<char *>(p), size, true};
        }
        return {static_cast<char *>(::operator new(size)), size, false};
    }

    static constexpr std::size_t kFirstBlock = 8 * 1024;
    static constexpr std::size_t kMaxBlock = 1024 * 1024;
    static constexpr std::size_t kMapThreshold = 64 * 1024;
    std::vector<Block> m_blocks;
    std::size_t m_used = 0;
    std::atomic<std::size_t> m_live {1}; ///< the parse's hold, released when it ends
};

/** Places nodes and their control blocks in a NodeArena (for std::allocate_shared). */
template<typename T>
struct ArenaAllocator
{
    using value_type = T;
    NodeArena *arena;

    explicit ArenaAllocator(NodeArena *a)
        : arena(a)
    {
    }
    template<typename U>
    ArenaAllocator(const ArenaAllocator<U> &other) // NOLINT: rebinding copies, as allocators do
        : arena(other.arena)
    {
    }
    T *allocate(std::size_t n)
    {
        return static_cast<T *>(arena->allocate(n * sizeof(T), alignof(T)));
    }
    void deallocate(T *, std::size_t) { arena->release(); }
    template<typename U>
    bool operator==(const ArenaAllocator<U> &other) const
    {
        return arena == other.arena;
    }
};

/** Holds the parse's reference on an arena for the duration of one parseYaml call. */
class ArenaHold
{
public:
    ArenaHold()
        : m_arena(new NodeArena)
    {
    }
    ~ArenaHold() { m_arena->release(); }
    ArenaHold(const ArenaHold &) = delete;
    ArenaHold &operator=(const ArenaHold &) = delete;
    NodeArena *get() const { return m_arena; }

private:
    NodeArena *m_arena;
};

/**
 * Builds Node trees from the reader's events. Keys that are plain or quoted scalars go straight
 * onto their map entry; children are collected on the builder's own stacks and each collection gets
 * an exactly sized copy when it closes.
 */
class TreeBuilder
{
public:
    /// How a scalar was written: plain scalars are resolved (`true`, `10`, `null`), others are
    /// strings.
    enum class Style { Plain, NonPlain };

    TreeBuilder(NodeArena *arena, const ParseLimits &limits, std::vector<Problem> &problems)
        : m_arena(arena)
        , m_limits(limits)
        , m_problems(problems)
    {
    }

    std::vector<NodePtr> roots;

    void onDocumentStart()
    {
        m_stack.clear();
        m_entries.clear();
        m_items.clear();
        m_anchors.clear();
        m_literalNodes = 0;
        m_expandedNodes = 0;
        m_root.reset();
        m_rootSize = 0;
    }

    void onDocumentEnd() { roots.push_back(m_root ? m_root : make(NodeKind::Null)); }

    void onAlias(const Mark &at, std::string_view anchor)
    {
        auto it = m_anchors.find(std::string(anchor));
        if (it == m_anchors.end()) {
            throw LimitExceeded {at, "alias refers to an anchor that is not defined before it"};
        }
        m_expandedNodes += it->second.size;
        checkExpansion(at);
        attach(it->second.node, it->second.size);
    }

    /// @p tag is empty when the scalar has none; "!" is the non-specific tag (a string).
    void onScalar(const Mark &at, std::string_view tag, std::string_view anchor,
                  std::string_view value, Style style)
    {
        const bool nonSpecific = tag.empty() || tag == "!";
        const bool isString = style == Style::NonPlain || tag == "!";
        if (anchor.empty() && nonSpecific && !m_stack.empty()) {
            Frame &parent = m_stack.back();
            if (parent.node->kind == NodeKind::Map && !parent.hasPendingKey) {
                // A plain or quoted key: kept on the entry, no node of its own.
                ++m_literalNodes;
                ++m_expandedNodes;
                ++parent.size;
                if (!isString && resolvePlainScalar(value) == ScalarType::Null)
                    parent.pendingKey.key = "null";
                else
                    parent.pendingKey.key.assign(value.data(), value.size());
                parent.pendingKey.keyMark = at;
                parent.pendingKey.keyQuoted = isString;
                parent.hasPendingKey = true;
                return;
            }
        }
        auto n = make(NodeKind::Scalar);
        n->mark = at;
        n->value.assign(value.data(), value.size());
        if (isString) {
            n->quoted = true;
            n->scalarType = ScalarType::String;
        } else if (tag.empty()) {
            n->scalarType = resolvePlainScalar(value);
            if (n->scalarType == ScalarType::Null)
                n->kind = NodeKind::Null;
        } else {
            applyExplicitTag(*n, tag);
        }
        addLeaf(n, anchor);
    }

    void onSequenceStart(const Mark &at, std::string_view tag, std::string_view anchor, bool flow)
    {
        auto n = make(NodeKind::Sequence);
        n->mark = at;
        n->flow = flow;
        noteCollectionTag(*n, tag, kTagSeq);
        open(n, anchor);
    }

    void onSequenceEnd()
    {
        Frame &f = m_stack.back();
        f.node->items.assign(std::make_move_iterator(m_items.begin() + f.firstChild),
                             std::make_move_iterator(m_items.end()));
        m_items.resize(f.firstChild);
        close();
    }

    void onMapStart(const Mark &at, std::string_view tag, std::string_view anchor, bool flow)
    {
        auto n = make(NodeKind::Map);
        n->mark = at;
        n->flow = flow;
        noteCollectionTag(*n, tag, kTagMap);
        open(n, anchor);
    }

    void onMapEnd()
    {
        Frame &f = m_stack.back();
        if (f.hasPendingKey) { // a key without value cannot come from the reader, but stay total
            f.pendingKey.value = make(NodeKind::Null);
            m_entries.push_back(std::move(f.pendingKey));
            f.hasPendingKey = false;
        }
        // Children were collected on the builder's stacks; the node gets an exactly sized copy.
        f.node->entries.assign(std::make_move_iterator(m_entries.begin() + f.firstChild),
                               std::make_move_iterator(m_entries.end()));
        m_entries.resize(f.firstChild);
        applyMergeKeys(*f.node);
        checkDuplicateKeys(*f.node);
        close();
    }

private:
    NodePtr make(NodeKind kind)
    {
        NodePtr n = std::allocate_shared<Node>(ArenaAllocator<Node>(m_arena));
        n->kind = kind;
        return n;
    }

    struct Frame
    {
        NodePtr node;
        std::size_t firstChild = 0; ///< where this node's children start on m_items / m_entries
        std::string anchor; ///< empty when the collection has none
        std::size_t size = 1;
        Node::Entry pendingKey;
        bool hasPendingKey = false;
    };
    struct Anchored
    {
        NodePtr node;
        std::size_t size = 1;
    };

    void applyExplicitTag(Node &n, std::string_view tag)
    {
        if (tag == kTagStr) {
            n.scalarType = ScalarType::String;
            n.quoted = true;
        } else if (tag == kTagInt || tag == kTagFloat || tag == kTagBool) {
            // Like go-yaml (kubectl): the value must be one of the tag's type.
            const ScalarType wanted = tag == kTagInt ? ScalarType::Int
                : tag == kTagFloat                   ? ScalarType::Float
                                                     : ScalarType::Bool;
            const ScalarType is = resolvePlainScalar(n.value);
            if (is == wanted || (wanted == ScalarType::Float && is == ScalarType::Int)) {
                n.scalarType = wanted;
            } else {
                n.scalarType = ScalarType::String;
                n.quoted = true;
                const std::string_view shortTag = tag.substr(tag.rfind(':') + 1);
                m_problems.push_back(
                    {Problem::Severity::Error, n.mark,
                     "cannot decode !!str `" + n.value + "` as a !!" + std::string(shortTag)});
            }
        } else if (tag == kTagNull) {
            n.kind = NodeKind::Null;
            n.scalarType = ScalarType::Null;
        } else {
            n.scalarType = resolvePlainScalar(n.value);
            if (n.scalarType == ScalarType::Null)
                n.kind = NodeKind::Null;
            n.tagged = true;
            warnTag(n.mark, tag);
        }
    }

    void noteCollectionTag(Node &n, std::string_view tag, std::string_view expected)
    {
        if (tag.empty() || tag == "!" || tag == expected)
            return;
        n.tagged = true;
        warnTag(n.mark, tag);
    }

    void warnTag(const Mark &at, std::string_view tag)
    {
        m_problems.push_back({Problem::Severity::Warning, at,
                              "unknown tag \"" + std::string(tag)
                                  + "\" is ignored; Kubernetes reads the plain value"});
    }

    void checkExpansion(const Mark &at) const
    {
        if (m_expandedNodes > m_limits.maxExpandedNodes
            || (m_expandedNodes > m_limits.aliasRatioFloor
                && m_expandedNodes
                    > m_limits.maxAliasRatio * std::max<std::size_t>(m_literalNodes, 1))) {
            throw LimitExceeded {at,
                                 "aliases expand to more than " + std::to_string(m_expandedNodes)
                                     + " nodes from " + std::to_string(m_literalNodes)
                                     + " written ones (an alias bomb); the document is not loaded"};
        }
    }

    void addLeaf(const NodePtr &n, std::string_view anchor)
    {
        ++m_literalNodes;
        ++m_expandedNodes;
        if (!anchor.empty())
            m_anchors[std::string(anchor)] = {n, 1};
        attach(n, 1);
    }

    void open(const NodePtr &n, std::string_view anchor)
    {
        ++m_literalNodes;
        ++m_expandedNodes;
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            throw LimitExceeded {n->mark,
                                 "nesting deeper than " + std::to_string(m_limits.maxDepth)
                                     + " levels; the document is not loaded"};
        Frame f;
        f.node = n;
        f.anchor.assign(anchor.data(), anchor.size());
        f.firstChild = n->kind == NodeKind::Sequence ? m_items.size() : m_entries.size();
        m_stack.push_back(std::move(f));
    }

    void close()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (!f.anchor.empty())
            m_anchors[std::move(f.anchor)] = {f.node, f.size};
        attach(f.node, f.size);
    }

    void attach(const NodePtr &n, std::size_t size)
    {
        if (m_stack.empty()) {
            m_root = n;
            m_rootSize = size;
            return;
        }
        Frame &parent = m_stack.back();
        parent.size += size;
        if (parent.node->kind == NodeKind::Sequence) {
            m_items.push_back(n);
        } else if (!parent.hasPendingKey) {
            if (n->kind == NodeKind::Map || n->kind == NodeKind::Sequence)
                m_problems.push_back(
                    {Problem::Severity::Error, n->mark,
                     "a mapping key must be a scalar; Kubernetes manifests use string keys"});
            parent.pendingKey.key = n->kind == NodeKind::Scalar
                ? n->value
                : (n->kind == NodeKind::Null ? "null" : "");
            parent.pendingKey.keyMark = n->mark;
            parent.pendingKey.keyQuoted = n->quoted;
            parent.hasPendingKey = true;
        } else {
            parent.pendingKey.value = n;
            m_entries.push_back(std::move(parent.pendingKey));
            parent.pendingKey = Node::Entry {};
            parent.hasPendingKey = false;
        }
    }

    /// YAML 1.1 merge keys (`<<: *base`), which kubectl's YAML reader honours; a parser reports
    /// them as ordinary keys, so they are applied here.
    static void applyMergeKeys(Node &map)
    {
        const bool hasMerge
            = std::any_of(map.entries.begin(), map.entries.end(),
                          [](const Node::Entry &e) { return !e.keyQuoted && e.key == "<<"; });
        if (!hasMerge)
            return;
        std::vector<Node::Entry> own;
        std::vector<const Node *> sources;
        for (const Node::Entry &e : map.entries) {
            if (!e.keyQuoted && e.key == "<<") {
                if (e.value->kind == NodeKind::Map)
                    sources.push_back(e.value.get());
                else if (e.value->kind == NodeKind::Sequence)
                    for (const NodePtr &item : e.value->items)
                        if (item->kind == NodeKind::Map)
                            sources.push_back(item.get());
            } else {
                own.push_back(e);
            }
        }
        for (const Node *src : sources) {
            for (const Node::Entry &e : src->entries) {
                const bool present = std::any_of(
                    own.begin(), own.end(), [&](const Node::Entry &o) { return o.key == e.key; });
                if (!present)
                    own.push_back(e);
            }
        }
        map.entries = std::move(own);
    }

    void checkDuplicateKeys(const Node &map)
    {
        if (map.entries.size() < 2)
            return;
        auto report = [&](const Node::Entry &dup, const Node::Entry &first) {
            m_problems.push_back({Problem::Severity::Error, dup.keyMark,
                                  "duplicate key \"" + dup.key + "\" (first defined at line "
                                      + std::to_string(first.keyMark.line) + ", column "
                                      + std::to_string(first.keyMark.column)
                                      + "); Kubernetes rejects duplicate keys"});
        };
        if (map.entries.size() <= 16) {
            for (std::size_t i = 1; i < map.entries.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (map.entries[i].key == map.entries[j].key) {
                        report(map.entries[i], map.entries[j]);
                        break;
                    }
            return;
        }
        std::unordered_map<std::string_view, const Node::Entry *> seen;
        seen.reserve(map.entries.size());
        for (const Node::Entry &e : map.entries) {
            auto [it, inserted] = seen.emplace(e.key, &e);
            if (!inserted)
                report(e, *it->second);
        }
    }

    NodeArena *m_arena;
    const ParseLimits &m_limits;
    std::vector<Node::Entry> m_entries; ///< entries of the open maps, innermost last
    std::vector<NodePtr> m_items; ///< items of the open sequences, innermost last
    std::vector<Problem> &m_problems;
    std::vector<Frame> m_stack;
    std::unordered_map<std::string, Anchored> m_anchors;
    std::size_t m_literalNodes = 0;
    std::size_t m_expandedNodes = 0;
    NodePtr m_root;
    std::size_t m_rootSize = 0;
};

bool isMarkerLine(std::string_view line, std::string_view marker)
{
    if (!line.starts_with(marker))
        return false;
    if (line.size() == 3)
        return true;
    const char c = line[3];
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isBlankOrComment(std::string_view line)
{
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '#';
    }
    return true;
}

struct Chunk
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t contentBegin = std::string_view::npos;
    int firstLine = 1;
    int contentLine = 0;
    bool sawSeparator = false;
};

std::vector<Chunk> splitDocuments(std::string_view text)
{
    std::vector<Chunk> chunks;
    Chunk cur;
    int line = 1;
    std::size_t pos = 0;
    auto finish = [&](std::size_t endPos, int nextLine) {
        cur.end = endPos;
        chunks.push_back(cur);
        cur = Chunk {};
        cur.begin = endPos;
        cur.firstLine = nextLine;
    };
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        const std::size_t lineEnd = nl == std::string_view::npos ? text.size() : nl + 1;
        const std::string_view l = text.substr(pos, lineEnd - pos);
        const bool hasContent = cur.contentBegin != std::string_view::npos;
        if (isMarkerLine(l, "---")) {
            if (hasContent || cur.sawSeparator)
                finish(pos, line);
            cur.sawSeparator = true;
            // Content on the marker line itself (`--- {a: 1}`) is content.
            std::string_view rest = l.substr(3);
            if (!isBlankOrComment(rest)) {
                cur.contentBegin = pos;
                cur.contentLine = line;
            }
        } else if (isMarkerLine(l, "...")) {
            pos = lineEnd;
            ++line;
            finish(pos, line);
            continue;
        } else if (!hasContent && !isBlankOrComment(l) && !l.starts_with('%')) {
            cur.contentBegin = pos;
            cur.contentLine = line;
        }
        pos = lineEnd;
        ++line;
    }
    cur.end = text.size();
    if (cur.end > cur.begin || chunks.empty())
        chunks.push_back(cur);
    return chunks;
}

/** Finds a tab used as indentation on a line the reader rejected, for a clearer message. */
bool findIndentTab(std::string_view chunk, int upToLine0, int &line0, int &col0)
{
    int l = 0;
    std::size_t pos = 0;
    while (pos < chunk.size() && l <= upToLine0) {
        std::size_t nl = chunk.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? chunk.size() : nl;
        for (std::size_t i = pos; i < end; ++i) {
            if (chunk[i] == ' ')
                continue;
            if (chunk[i] == '\t' && l == upToLine0) {
                line0 = l;
                col0 = static_cast<int>(i - pos);
                return true;
            }
            break;
        }
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
        ++l;
    }
    return false;
}

std::size_t findControlChar(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return i;
    }
    return std::string_view::npos;
}

/** Owns one libyaml reader and the event it last produced. */
class Reader
{
public:
    explicit Reader(std::string_view text)
    {
        m_ok = yaml_parser_initialize(&m_parser) != 0;
        if (m_ok) {
            yaml_parser_set_encoding(&m_parser, YAML_UTF8_ENCODING);
            yaml_parser_set_input_string(
                &m_parser, reinterpret_cast<const unsigned char *>(text.data()), text.size());
        }
    }
    ~Reader()
    {
        if (m_hasEvent)
            yaml_event_delete(&m_event);
        if (m_ok)
            yaml_parser_delete(&m_parser);
    }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    bool next()
    {
        if (m_hasEvent) {
            yaml_event_delete(&m_event);
            m_hasEvent = false;
        }
        if (!m_ok || !yaml_parser_parse(&m_parser, &m_event))
            return false;
        m_hasEvent = true;
        return true;
    }
    const yaml_event_t &event() const { return m_event; }
    const yaml_parser_t &parser() const { return m_parser; }

private:
    yaml_parser_t m_parser {};
    yaml_event_t m_event {};
    bool m_ok = false;
    bool m_hasEvent = false;
};

std::string_view text(const yaml_char_t *s)
{
    return s ? std::string_view(reinterpret_cast<const char *>(s)) : std::string_view();
}

/** The reader's error as a message; libyaml's wording is the one kubectl prints. */
std::string readerError(const yaml_parser_t &p, const LineIndex &index)
{
    if (p.error == YAML_MEMORY_ERROR)
        return "the YAML reader ran out of memory";
    std::string msg = p.problem ? p.problem : "malformed YAML";
    if (p.context) {
        const Mark at = index.charMark(p.context_mark.line, p.context_mark.column);
        msg += " (";
        msg += p.context;
        msg += " at line " + std::to_string(at.line) + ", column " + std::to_string(at.column)
            + ")";
    }
    return msg;
}

/**
 * Feeds the reader's events to @p builder until the end of the text.
 * @return false on a syntax error (the reason is on the reader's parser).
 */
bool readEvents(Reader &reader, const LineIndex &index, TreeBuilder &builder)
{
    while (reader.next()) {
        const yaml_event_t &e = reader.event();
        const Mark at = index.charMark(e.start_mark.line, e.start_mark.column);
        switch (e.type) {
        case YAML_STREAM_END_EVENT:
            return true;
        case YAML_DOCUMENT_START_EVENT:
            builder.onDocumentStart();
            break;
        case YAML_DOCUMENT_END_EVENT:
            builder.onDocumentEnd();
            break;
        case YAML_ALIAS_EVENT:
            builder.onAlias(at, text(e.data.alias.anchor));
            break;
        case YAML_SCALAR_EVENT:
            builder.onScalar(at, text(e.data.scalar.tag), text(e.data.scalar.anchor),
                             std::string_view(reinterpret_cast<const char *>(e.data.scalar.value),
                                              e.data.scalar.length),
                             e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                                 ? TreeBuilder::Style::Plain
                                 : TreeBuilder::Style::NonPlain);
            break;
        case YAML_SEQUENCE_START_EVENT:
            builder.onSequenceStart(at, text(e.data.sequence_start.tag),
                                    text(e.data.sequence_start.anchor),
                                    e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
            break;
        case YAML_SEQUENCE_END_EVENT:
            builder.onSequenceEnd();
            break;
        case YAML_MAPPING_START_EVENT:
            builder.onMapStart(at, text(e.data.mapping_start.tag),
                               text(e.data.mapping_start.anchor),
                               e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
            break;
        case YAML_MAPPING_END_EVENT:
            builder.onMapEnd();
            break;
        default:
            break;
        }
    }
    return false;
}

void parseChunk(std::string_view text, const Chunk &chunk, const ParseLimits &limits,
                NodeArena *arena, Document &doc)
{
    const std::string_view body = text.substr(chunk.begin, chunk.end - chunk.begin);
    const LineIndex index(body, chunk.firstLine);
    if (const std::size_t bad = findInvalidUtf8(body); bad != std::string_view::npos) {
        doc.failed = true;
        doc.problems.push_back({Problem::Severity::Error, index.markAtOffset(bad),
                                "invalid UTF-8 byte sequence; manifests must be UTF-8 text"});
        return;
    }
    if (const std::size_t bad = findControlChar(body); bad != std::string_view::npos) {
        doc.failed = true;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(body[bad]));
        doc.problems.push_back(
            {Problem::Severity::Error, index.markAtOffset(bad),
             std::string("control character ") + hex
                 + " is not allowed in YAML; use an escape inside a double-quoted string"});
        return;
    }
    if (doc.empty)
        return;
    TreeBuilder builder(arena, limits, doc.problems);
    Reader reader(body);
    bool read = false;
    try {
        read = readEvents(reader, index, builder);
    } catch (const LimitExceeded &e) {
        doc.failed = true;
        doc.problems.push_back({Problem::Severity::Error, e.mark, e.message});
        return;
    } catch (const std::bad_alloc &) {
        doc.failed = true;
        doc.problems.push_back({Problem::Severity::Error, index.mark(0, 0),
                                "the YAML reader ran out of memory; the document is not loaded"});
        return;
    }
    if (!read) {
        doc.failed = true;
        const yaml_parser_t &p = reader.parser();
        const int line0 = static_cast<int>(p.problem_mark.line);
        int tabLine = 0;
        int tabCol = 0;
        if (findIndentTab(body, line0, tabLine, tabCol)) {
            doc.problems.push_back(
                {Problem::Severity::Error, index.mark(tabLine, tabCol),
                 "tab character used for indentation; YAML indentation must use spaces"});
        } else {
            doc.problems.push_back({Problem::Severity::Error,
                                    index.charMark(p.problem_mark.line, p.problem_mark.column),
                                    "YAML syntax error: " + readerError(p, index)});
        }
        return;
    }
    if (builder.roots.size() > 1) {
        doc.problems.push_back({Problem::Severity::Error, index.mark(0, 0),
                                "several documents without a `---` separator line"});
    }
    doc.root = builder.roots.empty() ? nullptr : builder.roots.front();
    if (doc.root && doc.root->kind == NodeKind::Null)
        doc.empty = true;
}

} // namespace

std::size_t findInvalidUtf8(std::string_view s)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + static_cast<std::size_t>(len) > n)
            return i;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and out-of-range code points.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)
            || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += static_cast<std::size_t>(len);
    }
    return std::string_view::npos;
}

ParsedText parseYaml(std::string_view text, const ParseLimits &limits)
{
    ParsedText out;
    if (text.starts_with("\xEF\xBB\xBF")) {
        out.hadBom = true;
        text.remove_prefix(3);
    }
    const std::vector<Chunk> chunks = splitDocuments(text);
    out.documents.reserve(chunks.size());
    const ArenaHold arena;
    int index = 0;
    for (const Chunk &c : chunks) {
        Document doc;
        doc.index = index++;
        doc.begin = c.begin + (out.hadBom ? 3 : 0);
        doc.end = c.end + (out.hadBom ? 3 : 0);
        doc.firstLine = c.firstLine;
        doc.empty = c.contentBegin == std::string_view::npos;
        doc.contentBegin = (doc.empty ? c.end : c.contentBegin) + (out.hadBom ? 3 : 0);
        doc.contentLine = doc.empty ? c.firstLine : c.contentLine;
        parseChunk(text, c, limits, arena.get(), doc);
        out.documents.push_back(std::move(doc));
    }
    return out;
}

NodePtr parseSingleDocument(std::string_view text, std::vector<Problem> &problems,
                            const ParseLimits &limits)
{
    ParsedText parsed = parseYaml(text, limits);
    NodePtr root;
    int nonEmpty = 0;
    for (Document &d : parsed.documents) {
        problems.insert(problems.end(), d.problems.begin(), d.problems.end());
        if (!d.empty || d.failed) {
            ++nonEmpty;
            if (!root)
                root = d.root;
        }
    }
    if (nonEmpty > 1)
        problems.push_back(
            {Problem::Severity::Error, Mark {1, 1}, "expected one document, found several"});
    return root;
}

} // namespace Airgate::Yaml
