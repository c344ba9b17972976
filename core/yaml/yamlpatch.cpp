// SPDX-License-Identifier: Apache-2.0
#include "yamlpatch.h"

#include "yamlemitter.h"
#include "yamlparser.h"

#include <algorithm>
#include <vector>

namespace Airgate::Yaml {

namespace {

struct Edit
{
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string text;
};

bool isBlankOrCommentLine(std::string_view line)
{
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '#';
    }
    return true;
}

/** A one-line double-quoted string (the emitter's escapes), whatever the value. */
std::string doubleQuotedString(const std::string &value)
{
    const std::string s = emitScalarString(value);
    if (!s.empty() && s.front() == '"')
        return s;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

bool hasControl(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

class Patcher
{
public:
    Patcher(std::string_view text, std::size_t begin, std::size_t end)
        : m_t(text)
        , m_begin(begin)
        , m_end(end)
    {
        m_starts.push_back(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_starts.push_back(i + 1);
    }

    bool value(const Node &o, const Node &n, std::size_t regionEnd)
    {
        if (Node::equal(&o, &n))
            return true;
        if (o.isScalar() && n.isScalar())
            return scalar(o, n);
        if (o.isMap() && !o.flow && n.isMap())
            return map(o, n, regionEnd);
        if (o.isSequence() && !o.flow && n.isSequence())
            return sequence(o, n, regionEnd);
        return false;
    }

    std::vector<Edit> edits;

private:
    std::size_t lineStart(int line) const
    {
        return m_starts.at(static_cast<std::size_t>(line - 1));
    }
    std::size_t lineEnd(int line) const
    {
        return line < static_cast<int>(m_starts.size())
            ? m_starts.at(static_cast<std::size_t>(line)) - 1
            : m_t.size();
    }
    int lineOf(std::size_t offset) const
    {
        return static_cast<int>(std::upper_bound(m_starts.begin(), m_starts.end(), offset)
                                - m_starts.begin());
    }
    std::size_t lineStartOf(std::size_t offset) const { return lineStart(lineOf(offset)); }

    /** The byte offset of @p m (character columns), or npos. */
    std::size_t offset(const Mark &m) const
    {
        if (!m.isValid() || m.line > static_cast<int>(m_starts.size()))
            return std::string_view::npos;
        std::size_t p = lineStart(m.line);
        const std::size_t e = lineEnd(m.line);
        for (int c = 1; c < m.column; ++c) {
            if (p >= e)
                return std::string_view::npos;
            ++p;
            while (p < e && (static_cast<unsigned char>(m_t[p]) & 0xC0) == 0x80)
                ++p;
        }
        if (p < m_begin || p >= m_end)
            return std::string_view::npos;
        return p;
    }

    /** Whether only spaces precede @p p on its line. */
    bool ownLine(std::size_t p) const
    {
        for (std::size_t i = lineStartOf(p); i < p; ++i)
            if (m_t[i] != ' ')
                return false;
        return true;
    }

    /** @p end moved back over the blank and comment lines before it (not below @p min). */
    std::size_t trimBack(std::size_t end, std::size_t min) const
    {
        while (end > min) {
            const std::size_t ls = lineStartOf(end - 1);
            if (ls < min || !isBlankOrCommentLine(m_t.substr(ls, end - ls)))
                break;
            end = ls;
        }
        return end;
    }

    /** Where a quoted token starting at @p p ends (one past its closing quote), on its line. */
    std::size_t quotedEnd(std::size_t p) const
    {
        const char q = m_t[p];
        const std::size_t e = std::min(lineEnd(lineOf(p)), m_end);
        for (std::size_t i = p + 1; i < e; ++i) {
            const char c = m_t[i];
            if (q == '"' && c == '\\') {
                ++i;
            } else if (c == q) {
                if (q == '\'' && i + 1 < e && m_t[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return std::string_view::npos;
    }

    /** The bytes of a one-line token at @p p holding @p plain (or quoted when @p quoted). */
    std::optional<std::pair<std::size_t, std::size_t>>
    token(std::size_t p, const std::string &plain, bool quoted) const
    {
        if (p == std::string_view::npos)
            return std::nullopt;
        const char c = m_t[p];
        if (c == '"' || c == '\'') {
            const std::size_t e = quotedEnd(p);
            if (e == std::string_view::npos)
                return std::nullopt;
            return std::pair {p, e - p};
        }
        if (quoted || plain.empty() || m_t.substr(p, plain.size()) != plain
            || plain.find('\n') != std::string::npos)
            return std::nullopt;
        return std::pair {p, plain.size()};
    }

    /** A string written as the old token was: single-quoted, double-quoted or plain. */
    static std::optional<std::string> stringToken(const std::string &value, char oldQuote)
    {
        std::string s;
        if (oldQuote == '\'' && !hasControl(value)) {
            s = "'";
            for (char c : value) {
                if (c == '\'')
                    s += '\'';
                s += c;
            }
            s += '\'';
        } else if (oldQuote == '"') {
            s = doubleQuotedString(value);
        } else {
            s = emitScalarString(value);
        }
        if (s.find('\n') != std::string::npos)
            return std::nullopt;
        return s;
    }

    bool scalar(const Node &o, const Node &n)
    {
        const auto range = token(offset(o.mark), o.value, o.quoted);
        if (!range)
            return false;
        const char first = m_t[range->first];
        // Quotes the writer chose are kept; quotes the old value needed (`"1"`) are not.
        const bool styled = (first == '"' || first == '\'') && isPlainSafe(o.value);
        std::string text;
        if (n.isString()) {
            const auto s = stringToken(n.value, styled ? first : 0);
            if (!s)
                return false;
            text = *s;
        } else {
            text = n.value;
            if (text.empty() || text.find('\n') != std::string::npos)
                return false;
        }
        edits.push_back({range->first, range->second, std::move(text)});
        return true;
    }

    static std::string indented(const std::string &s, std::size_t col, bool firstLine)
    {
        std::string out;
        const std::string pad(col, ' ');
        std::size_t p = 0;
        bool first = true;
        while (p < s.size()) {
            std::size_t nl = s.find('\n', p);
            if (nl == std::string::npos)
                nl = s.size() - 1;
            const std::string_view line(s.data() + p, nl + 1 - p);
            if ((!first || firstLine) && line != "\n")
                out += pad;
            out += line;
            first = false;
            p = nl + 1;
        }
        return out;
    }

    static std::string entryText(const std::string &key, const NodePtr &value, std::size_t col,
                                 bool ownLine)
    {
        Node m;
        m.kind = NodeKind::Map;
        m.entries.push_back({key, value ? value : Node::makeNull(), {}, false});
        EmitOptions options;
        options.kubernetesKeyOrder = false;
        return indented(emitDocument(m, options), col, ownLine);
    }

    static std::string itemText(const NodePtr &item, std::size_t col)
    {
        Node s;
        s.kind = NodeKind::Sequence;
        s.items.push_back(item ? item : Node::makeNull());
        EmitOptions options;
        options.kubernetesKeyOrder = false;
        return indented(emitDocument(s, options), col, true);
    }

    void insert(std::size_t at, std::string text)
    {
        if (at > 0 && m_t[at - 1] != '\n')
            text.insert(text.begin(), '\n');
        edits.push_back({at, 0, std::move(text)});
    }

    struct Span
    {
        std::size_t start = 0; ///< line start (own line) or the key / item content
        std::size_t end = 0; ///< after its last content line (trailing comments excluded)
        std::size_t col = 0; ///< bytes from the line start to the key or dash
        bool own = true;
    };

    /** Spans of the nodes starting at @p starts, each ending where the next starts. */
    bool close(std::vector<Span> &spans, std::size_t regionEnd) const
    {
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const std::size_t next = i + 1 < spans.size() ? spans[i + 1].start : regionEnd;
            if (i + 1 < spans.size() && !spans[i + 1].own)
                return false; // two on one line: a flow collection
            spans[i].end = trimBack(next, spans[i].start);
            if (spans[i].end <= spans[i].start)
                return false;
        }
        return true;
    }

    bool map(const Node &o, const Node &n, std::size_t regionEnd)
    {
        if (o.entries.empty() || n.entries.empty())
            return false;
        std::vector<Span> spans;
        for (const auto &e : o.entries) {
            const std::size_t p = offset(e.keyMark);
            if (p == std::string_view::npos)
                return false;
            const bool own = ownLine(p);
            spans.push_back({own ? lineStartOf(p) : p, 0, p - lineStartOf(p), own});
        }
        if (!close(spans, regionEnd))
            return false;
        const auto oldIndex = [&](const std::string &key) -> int {
            for (std::size_t i = 0; i < o.entries.size(); ++i)
                if (o.entries[i].key == key)
                    return static_cast<int>(i);
            return -1;
        };
        const auto newHas = [&](const std::string &key) {
            return std::any_of(n.entries.begin(), n.entries.end(),
                               [&](const Node::Entry &e) { return e.key == key; });
        };
        std::vector<int> match(n.entries.size(), -1);
        std::vector<bool> renamed(n.entries.size(), false);
        for (std::size_t j = 0; j < n.entries.size(); ++j) {
            match[j] = oldIndex(n.entries[j].key);
            if (match[j] < 0 && j < o.entries.size() && !newHas(o.entries[j].key)) {
                match[j] = static_cast<int>(j);
                renamed[j] = true;
            }
        }
        int last = -1;
        std::vector<bool> kept(o.entries.size(), false);
        for (int m : match) {
            if (m < 0)
                continue;
            if (m <= last)
                return false; // reordered
            last = m;
            kept[static_cast<std::size_t>(m)] = true;
        }
        for (std::size_t i = 0; i < o.entries.size(); ++i) {
            if (kept[i])
                continue;
            if (!spans[i].own)
                return false;
            edits.push_back({spans[i].start, spans[i].end - spans[i].start, {}});
        }
        for (std::size_t j = 0; j < n.entries.size(); ++j) {
            const Node::Entry &ne = n.entries[j];
            if (match[j] < 0) {
                // After the nearest earlier entry that stays, or before the first.
                std::size_t at = std::string_view::npos;
                for (std::size_t k = j; k-- > 0;)
                    if (match[k] >= 0) {
                        at = spans[static_cast<std::size_t>(match[k])].end;
                        break;
                    }
                if (at == std::string_view::npos) {
                    if (!spans[0].own)
                        return false;
                    at = spans[0].start;
                }
                insert(at, entryText(ne.key, ne.value, spans[0].col, true));
                continue;
            }
            const auto i = static_cast<std::size_t>(match[j]);
            const Node::Entry &oe = o.entries[i];
            if (renamed[j]) {
                const auto range = token(offset(oe.keyMark), oe.key, oe.keyQuoted);
                if (!range)
                    return false;
                const char q = m_t[range->first];
                std::optional<std::string> key;
                if (q == '"' || q == '\'')
                    key = stringToken(ne.key, q);
                else
                    key = isPlainSafe(ne.key) ? ne.key : emitScalarString(ne.key);
                if (!key)
                    return false;
                edits.push_back({range->first, range->second, *key});
            }
            if (Node::equal(oe.value.get(), ne.value.get()))
                continue;
            const std::size_t mark = edits.size();
            if (oe.value && ne.value && value(*oe.value, *ne.value, spans[i].end))
                continue;
            edits.resize(mark);
            if (renamed[j])
                edits.pop_back();
            edits.push_back({spans[i].start, spans[i].end - spans[i].start,
                             entryText(ne.key, ne.value, spans[i].col, spans[i].own)});
        }
        return true;
    }

    bool sequence(const Node &o, const Node &n, std::size_t regionEnd)
    {
        if (o.items.empty() || n.items.empty())
            return false;
        std::vector<Span> spans;
        for (const auto &item : o.items) {
            const std::size_t p = item ? offset(item->mark) : std::string_view::npos;
            if (p == std::string_view::npos)
                return false;
            const std::size_t ls = lineStartOf(p);
            std::size_t d = ls;
            while (d < p && m_t[d] == ' ')
                ++d;
            if (d >= p || m_t[d] != '-')
                return false;
            spans.push_back({ls, 0, d - ls, true});
        }
        if (!close(spans, regionEnd))
            return false;
        const auto patchItem = [&](std::size_t i, const NodePtr &item) {
            if (Node::equal(o.items[i].get(), item.get()))
                return;
            const std::size_t mark = edits.size();
            if (item && value(*o.items[i], *item, spans[i].end))
                return;
            edits.resize(mark);
            edits.push_back(
                {spans[i].start, spans[i].end - spans[i].start, itemText(item, spans[i].col)});
        };
        if (n.items.size() >= o.items.size()) {
            for (std::size_t i = 0; i < o.items.size(); ++i)
                patchItem(i, n.items[i]);
            std::string added;
            for (std::size_t i = o.items.size(); i < n.items.size(); ++i)
                added += itemText(n.items[i], spans.back().col);
            if (!added.empty())
                insert(spans.back().end, std::move(added));
            return true;
        }
        if (n.items.size() + 1 != o.items.size())
            return false;
        std::size_t k = 0;
        while (k < n.items.size() && Node::equal(o.items[k].get(), n.items[k].get()))
            ++k;
        for (std::size_t i = k; i < n.items.size(); ++i)
            if (!Node::equal(o.items[i + 1].get(), n.items[i].get()))
                return false;
        edits.push_back({spans[k].start, spans[k].end - spans[k].start, {}});
        return true;
    }

    std::string_view m_t;
    std::size_t m_begin;
    std::size_t m_end;
    std::vector<std::size_t> m_starts;
};

} // namespace

std::optional<std::string> patchDocumentText(std::string_view text, std::size_t begin,
                                             std::size_t end, const Node &oldRoot,
                                             const Node &newRoot)
{
    if (begin > end || end > text.size())
        return std::nullopt;
    Patcher p(text, begin, end);
    if (!p.value(oldRoot, newRoot, end))
        return std::nullopt;
    std::vector<Edit> edits = std::move(p.edits);
    // From the back; at one offset the removal first, so an insertion there stays.
    std::stable_sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) {
        return a.offset != b.offset ? a.offset > b.offset : a.length > b.length;
    });
    std::string out(text.substr(begin, end - begin));
    std::size_t limit = end;
    for (const Edit &e : edits) {
        if (e.offset < begin || e.offset + e.length > limit)
            return std::nullopt; // overlapping edits: not something this can splice
        out.replace(e.offset - begin, e.length, e.text);
        limit = e.offset;
    }
    // What was written must read back as the edited tree.
    std::vector<Problem> problems;
    const NodePtr back = parseSingleDocument(out, problems);
    for (const Problem &pr : problems)
        if (pr.severity == Problem::Severity::Error)
            return std::nullopt;
    if (!Node::equal(back.get(), &newRoot))
        return std::nullopt;
    return out;
}

} // namespace Airgate::Yaml
