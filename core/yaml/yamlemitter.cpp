// SPDX-License-Identifier: Apache-2.0
#include "yamlemitter.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

namespace Airgate::Yaml {

namespace {

bool isPrintable(std::string_view s)
{
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F)
            return false;
    }
    // U+0085, U+2028, U+2029 are line breaks to YAML.
    return s.find("\xC2\x85") == std::string_view::npos
        && s.find("\xE2\x80\xA8") == std::string_view::npos
        && s.find("\xE2\x80\xA9") == std::string_view::npos;
}

std::string doubleQuoted(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case 0:
            out += "\\0";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", c);
                out += buf;
            } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80
                       && (static_cast<unsigned char>(s[i + 2]) == 0xA8
                           || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\L" : "\\P";
                i += 2;
            } else if (c == 0xC2 && i + 1 < s.size()
                       && static_cast<unsigned char>(s[i + 1]) == 0x85) {
                out += "\\N";
                i += 1;
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
    }
    out.push_back('"');
    return out;
}

/// A literal block keeps multi-line text readable (certificates, descriptions, JSON bodies).
bool literalBlockFits(std::string_view s)
{
    if (s.find('\n') == std::string_view::npos)
        return false;
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')
        return false;
    for (unsigned char c : s) {
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            return false;
    }
    // Trailing spaces on a line survive a literal block, but editors strip them; quote instead.
    std::size_t pos = 0;
    while ((pos = s.find('\n', pos)) != std::string_view::npos) {
        if (pos > 0 && (s[pos - 1] == ' '))
            return false;
        ++pos;
    }
    return s.back() != ' ';
}

void writeIndent(std::string &out, int indent)
{
    out.append(static_cast<std::size_t>(indent), ' ');
}

class Writer
{
public:
    explicit Writer(const EmitOptions &o)
        : m_options(o)
    {
    }
    std::string out;

    void document(const Node &root)
    {
        switch (root.kind) {
        case NodeKind::Map:
            if (root.entries.empty())
                out += "{}\n";
            else
                mapBody(root, 0, true, 0);
            break;
        case NodeKind::Sequence:
            if (root.items.empty())
                out += "[]\n";
            else
                seqBody(root, 0);
            break;
        default:
            scalarValue(root, 0);
            out += '\n';
        }
    }

private:
    static std::vector<const Node::Entry *> ordered(const Node &map, int depth, bool inMetadata)
    {
        std::vector<const Node::Entry *> v;
        v.reserve(map.entries.size());
        for (const Node::Entry &e : map.entries)
            v.push_back(&e);
        static constexpr std::array<std::string_view, 4> top {"apiVersion", "kind", "metadata",
                                                              "spec"};
        static constexpr std::array<std::string_view, 4> meta {"name", "namespace", "labels",
                                                               "annotations"};
        const std::string_view *first = nullptr;
        std::size_t count = 0;
        if (depth == 0) {
            first = top.data();
            count = top.size();
        } else if (inMetadata) {
            first = meta.data();
            count = meta.size();
        } else {
            return v;
        }
        auto rank = [&](const Node::Entry *e) -> std::size_t {
            for (std::size_t i = 0; i < count; ++i)
                if (e->key == first[i])
                    return i;
            return count;
        };
        std::stable_sort(v.begin(), v.end(), [&](auto *a, auto *b) { return rank(a) < rank(b); });
        return v;
    }

    void key(const std::string &k) { out += emitScalarString(k); }

    void mapBody(const Node &map, int indent, bool firstInline, int depth, bool inMetadata = false)
    {
        const auto entries = m_options.kubernetesKeyOrder ? ordered(map, depth, inMetadata)
                                                          : ordered(map, -1, false);
        bool first = firstInline;
        for (const Node::Entry *e : entries) {
            if (!first)
                writeIndent(out, indent);
            first = false;
            key(e->key);
            out += ':';
            const Node &v = *e->value;
            const bool childIsMetadata = depth == 0 && e->key == "metadata";
            if (v.kind == NodeKind::Map && !v.entries.empty()) {
                out += '\n';
                writeIndent(out, indent + 2);
                mapBody(v, indent + 2, true, depth + 1, childIsMetadata);
            } else if (v.kind == NodeKind::Sequence && !v.items.empty()) {
                out += '\n';
                seqBody(v, indent);
            } else {
                out += ' ';
                scalarValue(v, indent);
                out += '\n';
            }
        }
    }

    void seqBody(const Node &seq, int indent)
    {
        for (const NodePtr &item : seq.items) {
            writeIndent(out, indent);
            out += "- ";
            const Node &v = *item;
            if (v.kind == NodeKind::Map && !v.entries.empty()) {
                mapBody(v, indent + 2, true, 99);
            } else if (v.kind == NodeKind::Sequence && !v.items.empty()) {
                // "- - a": the nested sequence starts on the same line.
                seqInline(v, indent + 2);
            } else {
                scalarValue(v, indent + 2);
                out += '\n';
            }
        }
    }

    void seqInline(const Node &seq, int indent)
    {
        bool first = true;
        for (const NodePtr &item : seq.items) {
            if (!first)
                writeIndent(out, indent);
            first = false;
            out += "- ";
            const Node &v = *item;
            if (v.kind == NodeKind::Map && !v.entries.empty())
                mapBody(v, indent + 2, true, 99);
            else if (v.kind == NodeKind::Sequence && !v.items.empty())
                seqInline(v, indent + 2);
            else {
                scalarValue(v, indent + 2);
                out += '\n';
            }
        }
    }

    void scalarValue(const Node &v, int indent)
    {
        switch (v.kind) {
        case NodeKind::Null:
            out += "null";
            return;
        case NodeKind::Map:
            out += "{}";
            return;
        case NodeKind::Sequence:
            out += "[]";
            return;
        case NodeKind::Scalar:
            break;
        }
        switch (v.scalarType) {
        case ScalarType::Null:
            out += "null";
            return;
        case ScalarType::Bool:
            out += v.asBool().value_or(false) ? "true" : "false";
            return;
        case ScalarType::Int:
            if (auto i = v.asInt())
                out += std::to_string(*i);
            else
                out += v.value;
            return;
        case ScalarType::Float:
            out += v.value;
            return;
        case ScalarType::String:
            break;
        }
        if (literalBlockFits(v.value)) {
            std::size_t trailing = 0;
            while (trailing < v.value.size() && v.value[v.value.size() - 1 - trailing] == '\n')
                ++trailing;
            out += trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+");
            out += '\n';
            std::string_view body = v.value;
            if (trailing > 0)
                body.remove_suffix(trailing);
            std::size_t pos = 0;
            while (pos <= body.size()) {
                std::size_t nl = body.find('\n', pos);
                const std::string_view line
                    = body.substr(pos, nl == std::string_view::npos ? body.npos : nl - pos);
                if (!line.empty()) {
                    writeIndent(out, indent + 2);
                    out += line;
                }
                out += '\n';
                if (nl == std::string_view::npos)
                    break;
                pos = nl + 1;
            }
            for (std::size_t i = 1; i < trailing; ++i)
                out += '\n';
            out.pop_back(); // the caller writes the final newline
            return;
        }
        out += emitScalarString(v.value);
    }

    const EmitOptions &m_options;
};

} // namespace

bool isPlainSafe(const std::string &s)
{
    if (s.empty() || isYaml11NonString(s))
        return false;
    if (!isPrintable(s) || s.find('\t') != std::string::npos)
        return false;
    const char c0 = s.front();
    if (c0 == ' ' || s.back() == ' ')
        return false;
    static constexpr std::string_view indicators = ",[]{}#&*!|>'\"%@`";
    if (indicators.find(c0) != std::string_view::npos)
        return false;
    if ((c0 == '-' || c0 == '?' || c0 == ':') && (s.size() == 1 || s[1] == ' '))
        return false;
    if (s.starts_with("---") || s.starts_with("...") || s == "<<")
        return false;
    // A byte order mark at the start of a line would be read as the stream's, and dropped.
    if (s.starts_with("\xEF\xBB\xBF"))
        return false;
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':')
        return false;
    return true;
}

std::string emitScalarString(const std::string &value)
{
    return isPlainSafe(value) ? value : doubleQuoted(value);
}

std::string emitDocument(const Node &root, const EmitOptions &options)
{
    Writer w(options);
    w.document(root);
    return std::move(w.out);
}

} // namespace Airgate::Yaml
