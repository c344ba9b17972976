// SPDX-License-Identifier: Apache-2.0
#include "cel.h"

#include "formats.h"

#include <QRegularExpression>
#include <QString>

#include <cctype>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace Airgate::Cel {

const char *Value::typeName() const
{
    switch (v.index()) {
    case 0:
        return "null_type";
    case 1:
        return "bool";
    case 2:
        return "int";
    case 3:
        return "uint";
    case 4:
        return "double";
    case 5:
        return "string";
    case 6:
        return "list";
    case 7:
        return "map";
    case 8:
        return "google.protobuf.Duration";
    default:
        return "error";
    }
}

// ---------------------------------------------------------------- lexer

namespace {

enum class Tok {
    End,
    Ident,
    Int,
    Uint,
    Double,
    String,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Dot,
    Comma,
    Question,
    Colon,
    Not,
    Minus,
    Plus,
    Star,
    Slash,
    Percent,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    In,
};

struct Token
{
    Tok kind = Tok::End;
    std::string text;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double d = 0;
    std::size_t pos = 0;
};

struct SyntaxError
{
    std::size_t pos;
    std::string message;
};

class Lexer
{
public:
    explicit Lexer(std::string_view s)
        : m_s(s)
    {
    }

    std::vector<Token> run()
    {
        std::vector<Token> out;
        while (true) {
            skipSpace();
            Token t;
            t.pos = m_p;
            if (m_p >= m_s.size()) {
                out.push_back(t);
                return out;
            }
            const char c = m_s[m_p];
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
                // String prefixes r/R (raw) and b/B (bytes, treated as string).
                if ((c == 'r' || c == 'R' || c == 'b' || c == 'B') && m_p + 1 < m_s.size()
                    && (m_s[m_p + 1] == '"' || m_s[m_p + 1] == '\'')) {
                    ++m_p;
                    t.kind = Tok::String;
                    t.text = readString(c == 'r' || c == 'R');
                    out.push_back(std::move(t));
                    continue;
                }
                std::size_t b = m_p;
                while (m_p < m_s.size()
                       && (std::isalnum(static_cast<unsigned char>(m_s[m_p])) || m_s[m_p] == '_'))
                    ++m_p;
                t.text = std::string(m_s.substr(b, m_p - b));
                t.kind = t.text == "in" ? Tok::In : Tok::Ident;
                out.push_back(std::move(t));
                continue;
            }
            if (std::isdigit(static_cast<unsigned char>(c))
                || (c == '.' && m_p + 1 < m_s.size()
                    && std::isdigit(static_cast<unsigned char>(m_s[m_p + 1])))) {
                readNumber(t);
                out.push_back(std::move(t));
                continue;
            }
            if (c == '"' || c == '\'') {
                t.kind = Tok::String;
                t.text = readString(false);
                out.push_back(std::move(t));
                continue;
            }
            ++m_p;
            auto two = [&](char next) {
                if (m_p < m_s.size() && m_s[m_p] == next) {
                    ++m_p;
                    return true;
                }
                return false;
            };
            switch (c) {
            case '(':
                t.kind = Tok::LParen;
                break;
            case ')':
                t.kind = Tok::RParen;
                break;
            case '[':
                t.kind = Tok::LBracket;
                break;
            case ']':
                t.kind = Tok::RBracket;
                break;
            case '{':
                t.kind = Tok::LBrace;
                break;
            case '}':
                t.kind = Tok::RBrace;
                break;
            case '.':
                t.kind = Tok::Dot;
                break;
            case ',':
                t.kind = Tok::Comma;
                break;
            case '?':
                t.kind = Tok::Question;
                break;
            case ':':
                t.kind = Tok::Colon;
                break;
            case '+':
                t.kind = Tok::Plus;
                break;
            case '-':
                t.kind = Tok::Minus;
                break;
            case '*':
                t.kind = Tok::Star;
                break;
            case '/':
                t.kind = Tok::Slash;
                break;
            case '%':
                t.kind = Tok::Percent;
                break;
            case '!':
                t.kind = two('=') ? Tok::Ne : Tok::Not;
                break;
            case '=':
                if (!two('='))
                    throw SyntaxError {t.pos, "'=' is not an operator; use '=='"};
                t.kind = Tok::Eq;
                break;
            case '<':
                t.kind = two('=') ? Tok::Le : Tok::Lt;
                break;
            case '>':
                t.kind = two('=') ? Tok::Ge : Tok::Gt;
                break;
            case '&':
                if (!two('&'))
                    throw SyntaxError {t.pos, "expected '&&'"};
                t.kind = Tok::And;
                break;
            case '|':
                if (!two('|'))
                    throw SyntaxError {t.pos, "expected '||'"};
                t.kind = Tok::Or;
                break;
            default:
                throw SyntaxError {t.pos, std::string("unexpected character '") + c + "'"};
            }
            out.push_back(std::move(t));
        }
    }

private:
    void skipSpace()
    {
        while (m_p < m_s.size()) {
            const char c = m_s[m_p];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_p;
            } else if (c == '/' && m_p + 1 < m_s.size() && m_s[m_p + 1] == '/') {
                while (m_p < m_s.size() && m_s[m_p] != '\n')
                    ++m_p;
            } else {
                break;
            }
        }
    }

    void readNumber(Token &t)
    {
        const std::size_t b = m_p;
        if (m_s.substr(m_p).starts_with("0x") || m_s.substr(m_p).starts_with("0X")) {
            m_p += 2;
            while (m_p < m_s.size() && std::isxdigit(static_cast<unsigned char>(m_s[m_p])))
                ++m_p;
            const std::string digits(m_s.substr(b + 2, m_p - b - 2));
            const std::uint64_t v = std::stoull(digits, nullptr, 16);
            if (m_p < m_s.size() && (m_s[m_p] == 'u' || m_s[m_p] == 'U')) {
                ++m_p;
                t.kind = Tok::Uint;
                t.u = v;
            } else {
                t.kind = Tok::Int;
                t.i = static_cast<std::int64_t>(v);
            }
            return;
        }
        bool isDouble = false;
        while (m_p < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_p])))
            ++m_p;
        if (m_p < m_s.size() && m_s[m_p] == '.' && m_p + 1 < m_s.size()
            && std::isdigit(static_cast<unsigned char>(m_s[m_p + 1]))) {
            isDouble = true;
            ++m_p;
            while (m_p < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_p])))
                ++m_p;
        }
        if (m_p < m_s.size() && (m_s[m_p] == 'e' || m_s[m_p] == 'E')) {
            isDouble = true;
            ++m_p;
            if (m_p < m_s.size() && (m_s[m_p] == '+' || m_s[m_p] == '-'))
                ++m_p;
            while (m_p < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_p])))
                ++m_p;
        }
        const std::string text(m_s.substr(b, m_p - b));
        if (isDouble) {
            t.kind = Tok::Double;
            t.d = std::stod(text);
            return;
        }
        if (m_p < m_s.size() && (m_s[m_p] == 'u' || m_s[m_p] == 'U')) {
            ++m_p;
            t.kind = Tok::Uint;
            t.u = std::stoull(text);
            return;
        }
        t.kind = Tok::Int;
        try {
            t.i = std::stoll(text);
        } catch (const std::out_of_range &) {
            throw SyntaxError {b, "integer literal out of range"};
        }
    }

    static void appendUtf8(std::string &out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    std::string readString(bool raw)
    {
        const std::size_t start = m_p;
        const char q = m_s[m_p];
        const bool triple = m_s.substr(m_p).starts_with(std::string(3, q));
        m_p += triple ? 3 : 1;
        std::string out;
        while (true) {
            if (m_p >= m_s.size())
                throw SyntaxError {start, "unterminated string literal"};
            if (triple) {
                if (m_s.substr(m_p).starts_with(std::string(3, q))) {
                    m_p += 3;
                    return out;
                }
            } else if (m_s[m_p] == q) {
                ++m_p;
                return out;
            } else if (m_s[m_p] == '\n') {
                throw SyntaxError {m_p, "newline in single-line string literal"};
            }
            const char c = m_s[m_p++];
            if (c != '\\' || raw) {
                out.push_back(c);
                continue;
            }
            if (m_p >= m_s.size())
                throw SyntaxError {start, "unterminated escape"};
            const char e = m_s[m_p++];
            switch (e) {
            case 'a':
                out.push_back('\a');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'v':
                out.push_back('\v');
                break;
            case '\\':
            case '\'':
            case '"':
            case '`':
            case '?':
                out.push_back(e);
                break;
            case 'x':
            case 'X':
            case 'u':
            case 'U': {
                const std::size_t n = (e == 'x' || e == 'X') ? 2 : (e == 'u' ? 4 : 8);
                if (m_p + n > m_s.size())
                    throw SyntaxError {m_p, "short escape sequence"};
                const std::string hex(m_s.substr(m_p, n));
                for (char h : hex)
                    if (!std::isxdigit(static_cast<unsigned char>(h)))
                        throw SyntaxError {m_p, "invalid escape sequence"};
                m_p += n;
                appendUtf8(out, static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16)));
                break;
            }
            default:
                if (e >= '0' && e <= '3' && m_p + 1 < m_s.size()) {
                    const std::string oct {e, m_s[m_p], m_s[m_p + 1]};
                    m_p += 2;
                    out.push_back(static_cast<char>(std::stoi(oct, nullptr, 8)));
                } else {
                    throw SyntaxError {m_p - 1, std::string("invalid escape '\\") + e + "'"};
                }
            }
        }
    }

    std::string_view m_s;
    std::size_t m_p = 0;
};

} // namespace

// ---------------------------------------------------------------- AST

enum class NodeType {
    Literal,
    Ident,
    Select,
    Has,
    Call,
    ListLit,
    MapLit,
    Unary,
    Binary,
    Ternary,
    Index,
    Macro
};
enum class MacroKind { All, Exists, ExistsOne, Filter, Map };

struct AstNode
{
    NodeType type = NodeType::Literal;
    Value literal;
    std::string name; // ident / field / function
    Tok op = Tok::End; // unary / binary operator
    MacroKind macro = MacroKind::All;
    std::unique_ptr<AstNode> target; // receiver / operand / condition
    std::vector<std::unique_ptr<AstNode>> args;
    std::size_t pos = 0;
};

namespace {

using AstPtr = std::unique_ptr<AstNode>;

class Parser
{
public:
    explicit Parser(std::vector<Token> t)
        : m_t(std::move(t))
    {
    }

    AstPtr parse()
    {
        AstPtr e = expr();
        if (peek().kind != Tok::End)
            throw SyntaxError {peek().pos, "unexpected token after expression"};
        return e;
    }

private:
    const Token &peek() const { return m_t[m_i]; }
    Token next() { return m_t[m_i++]; }
    bool accept(Tok k)
    {
        if (peek().kind == k) {
            ++m_i;
            return true;
        }
        return false;
    }
    void expect(Tok k, const char *what)
    {
        if (!accept(k))
            throw SyntaxError {peek().pos, std::string("expected ") + what};
    }

    AstPtr make(NodeType t, std::size_t pos)
    {
        auto n = std::make_unique<AstNode>();
        n->type = t;
        n->pos = pos;
        return n;
    }

    AstPtr expr()
    {
        AstPtr c = orExpr();
        if (peek().kind == Tok::Question) {
            const std::size_t pos = next().pos;
            AstPtr a = orExpr();
            expect(Tok::Colon, "':'");
            AstPtr b = expr();
            AstPtr n = make(NodeType::Ternary, pos);
            n->target = std::move(c);
            n->args.push_back(std::move(a));
            n->args.push_back(std::move(b));
            return n;
        }
        return c;
    }

    AstPtr binary(AstPtr lhs, Tok op, AstPtr rhs, std::size_t pos)
    {
        AstPtr n = make(NodeType::Binary, pos);
        n->op = op;
        n->args.push_back(std::move(lhs));
        n->args.push_back(std::move(rhs));
        return n;
    }

    AstPtr orExpr()
    {
        AstPtr l = andExpr();
        while (peek().kind == Tok::Or) {
            const std::size_t pos = next().pos;
            l = binary(std::move(l), Tok::Or, andExpr(), pos);
        }
        return l;
    }

    AstPtr andExpr()
    {
        AstPtr l = relation();
        while (peek().kind == Tok::And) {
            const std::size_t pos = next().pos;
            l = binary(std::move(l), Tok::And, relation(), pos);
        }
        return l;
    }

    AstPtr relation()
    {
        AstPtr l = addition();
        while (true) {
            const Tok k = peek().kind;
            if (k == Tok::Eq || k == Tok::Ne || k == Tok::Lt || k == Tok::Le || k == Tok::Gt
                || k == Tok::Ge || k == Tok::In) {
                const std::size_t pos = next().pos;
                l = binary(std::move(l), k, addition(), pos);
            } else {
                return l;
            }
        }
    }

    AstPtr addition()
    {
        AstPtr l = multiplication();
        while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
            const Token t = next();
            l = binary(std::move(l), t.kind, multiplication(), t.pos);
        }
        return l;
    }

    AstPtr multiplication()
    {
        AstPtr l = unary();
        while (peek().kind == Tok::Star || peek().kind == Tok::Slash
               || peek().kind == Tok::Percent) {
            const Token t = next();
            l = binary(std::move(l), t.kind, unary(), t.pos);
        }
        return l;
    }

    AstPtr unary()
    {
        if (peek().kind == Tok::Not || peek().kind == Tok::Minus) {
            const Token t = next();
            // Fold negative numeric literals so INT64_MIN can be written.
            if (t.kind == Tok::Minus && peek().kind == Tok::Int) {
                const Token lit = next();
                AstPtr n = make(NodeType::Literal, t.pos);
                n->literal = Value(-lit.i);
                return member(std::move(n));
            }
            AstPtr n = make(NodeType::Unary, t.pos);
            n->op = t.kind;
            n->target = unary();
            return n;
        }
        return member(primary());
    }

    std::vector<AstPtr> argList(Tok close)
    {
        std::vector<AstPtr> args;
        if (accept(close))
            return args;
        while (true) {
            args.push_back(expr());
            if (accept(close))
                return args;
            expect(Tok::Comma, "',' or closing bracket");
            if (accept(close)) // trailing comma
                return args;
        }
    }

    AstPtr member(AstPtr operand)
    {
        while (true) {
            if (peek().kind == Tok::Dot) {
                const std::size_t pos = next().pos;
                if (peek().kind != Tok::Ident)
                    throw SyntaxError {peek().pos, "expected a field or method name after '.'"};
                const std::string name = next().text;
                if (accept(Tok::LParen)) {
                    std::vector<AstPtr> args = argList(Tok::RParen);
                    static const std::unordered_map<std::string, MacroKind> macros {
                        {"all", MacroKind::All},
                        {"exists", MacroKind::Exists},
                        {"exists_one", MacroKind::ExistsOne},
                        {"filter", MacroKind::Filter},
                        {"map", MacroKind::Map}};
                    auto m = macros.find(name);
                    if (m != macros.end() && args.size() == 2) {
                        if (args[0]->type != NodeType::Ident)
                            throw SyntaxError {args[0]->pos,
                                               "macro variable must be an identifier"};
                        AstPtr n = make(NodeType::Macro, pos);
                        n->macro = m->second;
                        n->name = args[0]->name;
                        n->target = std::move(operand);
                        n->args.push_back(std::move(args[1]));
                        operand = std::move(n);
                        continue;
                    }
                    AstPtr n = make(NodeType::Call, pos);
                    n->name = name;
                    n->target = std::move(operand);
                    n->args = std::move(args);
                    operand = std::move(n);
                } else {
                    AstPtr n = make(NodeType::Select, pos);
                    n->name = name;
                    n->target = std::move(operand);
                    operand = std::move(n);
                }
            } else if (peek().kind == Tok::LBracket) {
                const std::size_t pos = next().pos;
                AstPtr n = make(NodeType::Index, pos);
                n->target = std::move(operand);
                n->args.push_back(expr());
                expect(Tok::RBracket, "']'");
                operand = std::move(n);
            } else {
                return operand;
            }
        }
    }

    AstPtr primary()
    {
        const Token t = next();
        switch (t.kind) {
        case Tok::Int: {
            AstPtr n = make(NodeType::Literal, t.pos);
            n->literal = Value(t.i);
            return n;
        }
        case Tok::Uint: {
            AstPtr n = make(NodeType::Literal, t.pos);
            n->literal = Value(t.u);
            return n;
        }
        case Tok::Double: {
            AstPtr n = make(NodeType::Literal, t.pos);
            n->literal = Value(t.d);
            return n;
        }
        case Tok::String: {
            AstPtr n = make(NodeType::Literal, t.pos);
            n->literal = Value(t.text);
            return n;
        }
        case Tok::LParen: {
            AstPtr e = expr();
            expect(Tok::RParen, "')'");
            return e;
        }
        case Tok::LBracket: {
            AstPtr n = make(NodeType::ListLit, t.pos);
            n->args = argList(Tok::RBracket);
            return n;
        }
        case Tok::LBrace: {
            AstPtr n = make(NodeType::MapLit, t.pos);
            if (accept(Tok::RBrace))
                return n;
            while (true) {
                n->args.push_back(expr());
                expect(Tok::Colon, "':' in map literal");
                n->args.push_back(expr());
                if (accept(Tok::RBrace))
                    return n;
                expect(Tok::Comma, "',' or '}'");
            }
        }
        case Tok::Ident: {
            if (t.text == "true" || t.text == "false") {
                AstPtr n = make(NodeType::Literal, t.pos);
                n->literal = Value(t.text == "true");
                return n;
            }
            if (t.text == "null") {
                return make(NodeType::Literal, t.pos);
            }
            if (accept(Tok::LParen)) {
                std::vector<AstPtr> args = argList(Tok::RParen);
                if (t.text == "has") {
                    if (args.size() != 1 || args[0]->type != NodeType::Select)
                        throw SyntaxError {t.pos,
                                           "has() needs a field selection such as has(self.field)"};
                    AstPtr n = make(NodeType::Has, t.pos);
                    n->name = args[0]->name;
                    n->target = std::move(args[0]->target);
                    return n;
                }
                AstPtr n = make(NodeType::Call, t.pos);
                n->name = t.text;
                n->args = std::move(args);
                return n;
            }
            AstPtr n = make(NodeType::Ident, t.pos);
            n->name = t.text;
            return n;
        }
        default:
            throw SyntaxError {t.pos, "unexpected token"};
        }
    }

    std::vector<Token> m_t;
    std::size_t m_i = 0;
};

// ---------------------------------------------------------------- evaluation helpers

Value err(std::string m)
{
    return Value(ErrorValue {std::move(m)});
}

Value noOverload(const char *fn, const Value &a)
{
    return err(std::string("no such overload: ") + fn + "(" + a.typeName() + ")");
}

Value noOverload(const char *fn, const Value &a, const Value &b)
{
    return err(std::string("no such overload: ") + a.typeName() + " " + fn + " " + b.typeName());
}

bool isNumber(const Value &v)
{
    return std::holds_alternative<std::int64_t>(v.v) || std::holds_alternative<std::uint64_t>(v.v)
        || std::holds_alternative<double>(v.v);
}

double toDouble(const Value &v)
{
    if (auto *i = std::get_if<std::int64_t>(&v.v))
        return static_cast<double>(*i);
    if (auto *u = std::get_if<std::uint64_t>(&v.v))
        return static_cast<double>(*u);
    return std::get<double>(v.v);
}

/// Three-way numeric comparison across int/uint/double; returns -2 for NaN.
int compareNumbers(const Value &a, const Value &b)
{
    const auto *ai = std::get_if<std::int64_t>(&a.v);
    const auto *bi = std::get_if<std::int64_t>(&b.v);
    if (ai && bi)
        return *ai < *bi ? -1 : (*ai > *bi ? 1 : 0);
    const auto *au = std::get_if<std::uint64_t>(&a.v);
    const auto *bu = std::get_if<std::uint64_t>(&b.v);
    if (au && bu)
        return *au < *bu ? -1 : (*au > *bu ? 1 : 0);
    if (ai && bu) {
        if (*ai < 0)
            return -1;
        const auto x = static_cast<std::uint64_t>(*ai);
        return x < *bu ? -1 : (x > *bu ? 1 : 0);
    }
    if (au && bi) {
        if (*bi < 0)
            return 1;
        const auto y = static_cast<std::uint64_t>(*bi);
        return *au < y ? -1 : (*au > y ? 1 : 0);
    }
    const double x = toDouble(a);
    const double y = toDouble(b);
    if (std::isnan(x) || std::isnan(y))
        return -2;
    return x < y ? -1 : (x > y ? 1 : 0);
}

std::size_t utf8Length(const std::string &s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

const Value *mapLookup(const Map &m, const std::string &key)
{
    for (const auto &kv : m)
        if (kv.first == key)
            return &kv.second;
    return nullptr;
}

/// RE2 patterns compiled once as PCRE2; the CRD patterns use only the common subset.
bool regexMatch(const std::string &text, const std::string &pattern, std::string &error)
{
    static std::mutex mutex;
    static std::unordered_map<std::string, QRegularExpression> cache;
    QRegularExpression re;
    {
        std::lock_guard lock(mutex);
        auto it = cache.find(pattern);
        if (it == cache.end()) {
            QRegularExpression compiled(QString::fromStdString(pattern));
            compiled.optimize();
            it = cache.emplace(pattern, compiled).first;
        }
        re = it->second;
    }
    if (!re.isValid()) {
        error = "invalid regular expression: " + re.errorString().toStdString();
        return false;
    }
    return re.match(QString::fromStdString(text)).hasMatch();
}

struct Env
{
    const Env *parent = nullptr;
    std::string name;
    const Value *value = nullptr;

    const Value *find(const std::string &n) const
    {
        for (const Env *e = this; e; e = e->parent)
            if (e->value && e->name == n)
                return e->value;
        return nullptr;
    }
};

constexpr int kMaxIterations = 1'000'000; // the API server caps rule cost too

class Evaluator
{
public:
    Value eval(const AstNode &n, const Env &env)
    {
        switch (n.type) {
        case NodeType::Literal:
            return n.literal;
        case NodeType::Ident: {
            if (const Value *v = env.find(n.name))
                return *v;
            return err("undeclared reference to '" + n.name + "'");
        }
        case NodeType::Select: {
            Value t = eval(*n.target, env);
            if (t.isError())
                return t;
            if (auto *m = std::get_if<std::shared_ptr<const Map>>(&t.v)) {
                if (const Value *v = mapLookup(**m, n.name))
                    return *v;
                return err("no such key: " + n.name);
            }
            return err(std::string("type '") + t.typeName() + "' does not support field selection");
        }
        case NodeType::Has: {
            Value t = eval(*n.target, env);
            if (t.isError())
                return t;
            if (auto *m = std::get_if<std::shared_ptr<const Map>>(&t.v))
                return Value(mapLookup(**m, n.name) != nullptr);
            return err(std::string("invalid type for field selection: ") + t.typeName());
        }
        case NodeType::ListLit: {
            List l;
            l.reserve(n.args.size());
            for (const AstPtr &a : n.args) {
                Value v = eval(*a, env);
                if (v.isError())
                    return v;
                l.push_back(std::move(v));
            }
            return Value(std::move(l));
        }
        case NodeType::MapLit: {
            Map m;
            for (std::size_t i = 0; i + 1 < n.args.size(); i += 2) {
                Value k = eval(*n.args[i], env);
                if (k.isError())
                    return k;
                auto *ks = std::get_if<std::string>(&k.v);
                if (!ks)
                    return err("map literal keys must be strings here");
                Value v = eval(*n.args[i + 1], env);
                if (v.isError())
                    return v;
                m.emplace_back(*ks, std::move(v));
            }
            return Value(std::move(m));
        }
        case NodeType::Unary: {
            Value v = eval(*n.target, env);
            if (v.isError())
                return v;
            if (n.op == Tok::Not) {
                if (auto *b = std::get_if<bool>(&v.v))
                    return Value(!*b);
                return noOverload("!_", v);
            }
            if (auto *i = std::get_if<std::int64_t>(&v.v)) {
                if (*i == std::numeric_limits<std::int64_t>::min())
                    return err("return error for overflow");
                return Value(-*i);
            }
            if (auto *d = std::get_if<double>(&v.v))
                return Value(-*d);
            if (auto *d = std::get_if<Duration>(&v.v))
                return Value(Duration {-d->nanos});
            return noOverload("-_", v);
        }
        case NodeType::Binary:
            return binary(n, env);
        case NodeType::Ternary: {
            Value c = eval(*n.target, env);
            if (c.isError())
                return c;
            auto *b = std::get_if<bool>(&c.v);
            if (!b)
                return err("ternary condition must be bool");
            return eval(*n.args[*b ? 0 : 1], env);
        }
        case NodeType::Index: {
            Value t = eval(*n.target, env);
            if (t.isError())
                return t;
            Value i = eval(*n.args[0], env);
            if (i.isError())
                return i;
            if (auto *l = std::get_if<std::shared_ptr<const List>>(&t.v)) {
                if (!isNumber(i))
                    return err("list index must be an integer");
                const double d = toDouble(i);
                if (d < 0 || d >= static_cast<double>((*l)->size()) || d != std::floor(d))
                    return err("index out of bounds: " + std::to_string(static_cast<long long>(d)));
                return (**l)[static_cast<std::size_t>(d)];
            }
            if (auto *m = std::get_if<std::shared_ptr<const Map>>(&t.v)) {
                auto *k = std::get_if<std::string>(&i.v);
                if (!k)
                    return err("no such key");
                if (const Value *v = mapLookup(**m, *k))
                    return *v;
                return err("no such key: " + *k);
            }
            return err(std::string("type '") + t.typeName() + "' does not support indexing");
        }
        case NodeType::Macro:
            return macro(n, env);
        case NodeType::Call:
            return call(n, env);
        }
        return err("unknown expression");
    }

private:
    Value binary(const AstNode &n, const Env &env)
    {
        if (n.op == Tok::And || n.op == Tok::Or) {
            // CEL's commutative logic: a decisive side wins even when the other side errs.
            const bool isAnd = n.op == Tok::And;
            Value a = eval(*n.args[0], env);
            if (auto *b = std::get_if<bool>(&a.v); b && *b != isAnd)
                return a;
            Value c = eval(*n.args[1], env);
            if (auto *b = std::get_if<bool>(&c.v); b && *b != isAnd)
                return c;
            if (a.isError())
                return a;
            if (c.isError())
                return c;
            if (!std::holds_alternative<bool>(a.v) || !std::holds_alternative<bool>(c.v))
                return noOverload(isAnd ? "&&" : "||", a, c);
            return Value(isAnd);
        }
        Value a = eval(*n.args[0], env);
        if (a.isError())
            return a;
        Value b = eval(*n.args[1], env);
        if (b.isError())
            return b;
        switch (n.op) {
        case Tok::Eq:
            return Value(equals(a, b));
        case Tok::Ne:
            return Value(!equals(a, b));
        case Tok::Lt:
        case Tok::Le:
        case Tok::Gt:
        case Tok::Ge: {
            int c = 0;
            if (isNumber(a) && isNumber(b)) {
                c = compareNumbers(a, b);
                if (c == -2)
                    return Value(false);
            } else if (auto *sa = std::get_if<std::string>(&a.v);
                       sa && std::holds_alternative<std::string>(b.v)) {
                c = sa->compare(std::get<std::string>(b.v));
                c = c < 0 ? -1 : (c > 0 ? 1 : 0);
            } else if (auto *da = std::get_if<Duration>(&a.v);
                       da && std::holds_alternative<Duration>(b.v)) {
                const auto y = std::get<Duration>(b.v).nanos;
                c = da->nanos < y ? -1 : (da->nanos > y ? 1 : 0);
            } else if (auto *ba = std::get_if<bool>(&a.v);
                       ba && std::holds_alternative<bool>(b.v)) {
                const bool y = std::get<bool>(b.v);
                c = *ba == y ? 0 : (*ba ? 1 : -1);
            } else {
                return noOverload("<", a, b);
            }
            switch (n.op) {
            case Tok::Lt:
                return Value(c < 0);
            case Tok::Le:
                return Value(c <= 0);
            case Tok::Gt:
                return Value(c > 0);
            default:
                return Value(c >= 0);
            }
        }
        case Tok::In: {
            if (auto *l = std::get_if<std::shared_ptr<const List>>(&b.v)) {
                for (const Value &x : **l)
                    if (equals(a, x))
                        return Value(true);
                return Value(false);
            }
            if (auto *m = std::get_if<std::shared_ptr<const Map>>(&b.v)) {
                auto *k = std::get_if<std::string>(&a.v);
                return Value(k && mapLookup(**m, *k) != nullptr);
            }
            return noOverload("in", a, b);
        }
        case Tok::Plus:
            return arithmetic('+', a, b);
        case Tok::Minus:
            return arithmetic('-', a, b);
        case Tok::Star:
            return arithmetic('*', a, b);
        case Tok::Slash:
            return arithmetic('/', a, b);
        case Tok::Percent:
            return arithmetic('%', a, b);
        default:
            return err("unsupported operator");
        }
    }

    static Value arithmetic(char op, const Value &a, const Value &b)
    {
        const char name[2] = {op, 0};
        if (auto *x = std::get_if<std::int64_t>(&a.v)) {
            auto *y = std::get_if<std::int64_t>(&b.v);
            if (!y)
                return noOverload(name, a, b);
            std::int64_t r = 0;
            switch (op) {
            case '+':
                if (__builtin_add_overflow(*x, *y, &r))
                    return err("integer overflow");
                return Value(r);
            case '-':
                if (__builtin_sub_overflow(*x, *y, &r))
                    return err("integer overflow");
                return Value(r);
            case '*':
                if (__builtin_mul_overflow(*x, *y, &r))
                    return err("integer overflow");
                return Value(r);
            case '/':
                if (*y == 0)
                    return err("division by zero");
                return Value(*x / *y);
            default:
                if (*y == 0)
                    return err("modulus by zero");
                return Value(*x % *y);
            }
        }
        if (auto *x = std::get_if<std::uint64_t>(&a.v)) {
            auto *y = std::get_if<std::uint64_t>(&b.v);
            if (!y)
                return noOverload(name, a, b);
            switch (op) {
            case '+':
                return Value(*x + *y);
            case '-':
                if (*y > *x)
                    return err("unsigned integer overflow");
                return Value(*x - *y);
            case '*':
                return Value(*x * *y);
            case '/':
                if (*y == 0)
                    return err("division by zero");
                return Value(*x / *y);
            default:
                if (*y == 0)
                    return err("modulus by zero");
                return Value(*x % *y);
            }
        }
        if (auto *x = std::get_if<double>(&a.v)) {
            auto *y = std::get_if<double>(&b.v);
            if (!y || op == '%')
                return noOverload(name, a, b);
            switch (op) {
            case '+':
                return Value(*x + *y);
            case '-':
                return Value(*x - *y);
            case '*':
                return Value(*x * *y);
            default:
                return Value(*x / *y);
            }
        }
        if (op == '+') {
            if (auto *x = std::get_if<std::string>(&a.v);
                x && std::holds_alternative<std::string>(b.v))
                return Value(*x + std::get<std::string>(b.v));
            if (auto *x = std::get_if<std::shared_ptr<const List>>(&a.v);
                x && std::holds_alternative<std::shared_ptr<const List>>(b.v)) {
                List l = **x;
                const List &r = *std::get<std::shared_ptr<const List>>(b.v);
                l.insert(l.end(), r.begin(), r.end());
                return Value(std::move(l));
            }
        }
        if (auto *x = std::get_if<Duration>(&a.v); x && std::holds_alternative<Duration>(b.v)) {
            const auto y = std::get<Duration>(b.v).nanos;
            if (op == '+')
                return Value(Duration {x->nanos + y});
            if (op == '-')
                return Value(Duration {x->nanos - y});
        }
        return noOverload(name, a, b);
    }

    Value macro(const AstNode &n, const Env &env)
    {
        Value range = eval(*n.target, env);
        if (range.isError())
            return range;
        std::vector<Value> elems;
        if (auto *l = std::get_if<std::shared_ptr<const List>>(&range.v)) {
            elems = **l;
        } else if (auto *m = std::get_if<std::shared_ptr<const Map>>(&range.v)) {
            for (const auto &kv : **m)
                elems.emplace_back(kv.first);
        } else {
            return err(std::string("macro range must be a list or map, got ") + range.typeName());
        }
        m_iterations += static_cast<long long>(elems.size());
        if (m_iterations > kMaxIterations)
            return err("rule exceeded its evaluation budget");
        std::optional<Value> firstError;
        std::size_t count = 0;
        List out;
        for (const Value &e : elems) {
            Env inner {&env, n.name, &e};
            Value r = eval(*n.args[0], inner);
            if (n.macro == MacroKind::Map) {
                if (r.isError())
                    return r;
                out.push_back(std::move(r));
                continue;
            }
            if (r.isError()) {
                if (!firstError)
                    firstError = r;
                continue;
            }
            auto *b = std::get_if<bool>(&r.v);
            if (!b)
                return err("macro predicate must be bool");
            switch (n.macro) {
            case MacroKind::All:
                if (!*b)
                    return Value(false);
                break;
            case MacroKind::Exists:
                if (*b)
                    return Value(true);
                break;
            case MacroKind::ExistsOne:
                if (*b)
                    ++count;
                break;
            case MacroKind::Filter:
                if (*b)
                    out.push_back(e);
                break;
            case MacroKind::Map:
                break;
            }
        }
        if (firstError)
            return *firstError;
        switch (n.macro) {
        case MacroKind::All:
            return Value(true);
        case MacroKind::Exists:
            return Value(false);
        case MacroKind::ExistsOne:
            return Value(count == 1);
        default:
            return Value(std::move(out));
        }
    }

    Value call(const AstNode &n, const Env &env)
    {
        std::vector<Value> args;
        if (n.target) {
            Value t = eval(*n.target, env);
            if (t.isError())
                return t;
            args.push_back(std::move(t));
        }
        for (const AstPtr &a : n.args) {
            Value v = eval(*a, env);
            if (v.isError())
                return v;
            args.push_back(std::move(v));
        }
        const std::string &f = n.name;
        auto str = [&](std::size_t i) -> const std::string * {
            return i < args.size() ? std::get_if<std::string>(&args[i].v) : nullptr;
        };
        if (f == "size" && args.size() == 1) {
            if (auto *s = str(0))
                return Value(static_cast<std::int64_t>(utf8Length(*s)));
            if (auto *l = std::get_if<std::shared_ptr<const List>>(&args[0].v))
                return Value(static_cast<std::int64_t>((*l)->size()));
            if (auto *m = std::get_if<std::shared_ptr<const Map>>(&args[0].v))
                return Value(static_cast<std::int64_t>((*m)->size()));
            return noOverload("size", args[0]);
        }
        if ((f == "startsWith" || f == "endsWith" || f == "contains") && args.size() == 2) {
            const std::string *a = str(0);
            const std::string *b = str(1);
            if (!a || !b)
                return noOverload(f.c_str(), args[0], args[1]);
            if (f == "startsWith")
                return Value(a->starts_with(*b));
            if (f == "endsWith")
                return Value(a->ends_with(*b));
            return Value(a->find(*b) != std::string::npos);
        }
        if (f == "matches" && args.size() == 2) {
            const std::string *a = str(0);
            const std::string *b = str(1);
            if (!a || !b)
                return noOverload("matches", args[0], args[1]);
            std::string e;
            const bool r = regexMatch(*a, *b, e);
            if (!e.empty())
                return err(e);
            return Value(r);
        }
        if (f == "isURL" && args.size() == 1) {
            if (const std::string *a = str(0))
                return Value(Formats::isGoRequestUri(*a));
            return noOverload("isURL", args[0]);
        }
        if (f == "duration" && args.size() == 1) {
            if (const std::string *a = str(0)) {
                // CEL's own duration literal grammar is Go's time.ParseDuration.
                if (auto d = Formats::parseGoDuration(*a))
                    return Value(Duration {*d});
                return err("invalid duration '" + *a + "'");
            }
            if (std::holds_alternative<Duration>(args[0].v))
                return args[0];
            return noOverload("duration", args[0]);
        }
        if (f == "int" && args.size() == 1) {
            if (auto *i = std::get_if<std::int64_t>(&args[0].v))
                return Value(*i);
            if (auto *u = std::get_if<std::uint64_t>(&args[0].v)) {
                if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    return err("integer overflow");
                return Value(static_cast<std::int64_t>(*u));
            }
            if (auto *d = std::get_if<double>(&args[0].v))
                return Value(static_cast<std::int64_t>(*d));
            if (const std::string *s = str(0)) {
                try {
                    std::size_t used = 0;
                    const long long v = std::stoll(*s, &used);
                    if (used == s->size())
                        return Value(static_cast<std::int64_t>(v));
                } catch (const std::exception &) {
                }
                return err("cannot convert '" + *s + "' to int");
            }
            if (auto *d = std::get_if<Duration>(&args[0].v))
                return Value(d->nanos / 1'000'000'000);
            return noOverload("int", args[0]);
        }
        if (f == "double" && args.size() == 1) {
            if (isNumber(args[0]))
                return Value(toDouble(args[0]));
            return noOverload("double", args[0]);
        }
        if (f == "string" && args.size() == 1) {
            if (const std::string *s = str(0))
                return Value(*s);
            if (auto *i = std::get_if<std::int64_t>(&args[0].v))
                return Value(std::to_string(*i));
            if (auto *u = std::get_if<std::uint64_t>(&args[0].v))
                return Value(std::to_string(*u));
            if (auto *b = std::get_if<bool>(&args[0].v))
                return Value(std::string(*b ? "true" : "false"));
            if (auto *d = std::get_if<Duration>(&args[0].v))
                return Value(std::to_string(d->nanos / 1'000'000'000) + "s");
            return noOverload("string", args[0]);
        }
        if (f == "dyn" && args.size() == 1)
            return args[0];
        if ((f == "lowerAscii" || f == "upperAscii") && args.size() == 1) {
            const std::string *s = str(0);
            if (!s)
                return noOverload(f.c_str(), args[0]);
            std::string r = *s;
            for (char &c : r)
                if (static_cast<unsigned char>(c) < 0x80)
                    c = static_cast<char>(f == "lowerAscii" ? std::tolower(c) : std::toupper(c));
            return Value(std::move(r));
        }
        return err("found no matching overload for '" + f + "'");
    }

    long long m_iterations = 0;
};

} // namespace

bool equals(const Value &a, const Value &b)
{
    if (isNumber(a) && isNumber(b))
        return compareNumbers(a, b) == 0;
    if (a.v.index() != b.v.index())
        return false;
    switch (a.v.index()) {
    case 0:
        return true;
    case 1:
        return std::get<bool>(a.v) == std::get<bool>(b.v);
    case 5:
        return std::get<std::string>(a.v) == std::get<std::string>(b.v);
    case 6: {
        const List &x = *std::get<std::shared_ptr<const List>>(a.v);
        const List &y = *std::get<std::shared_ptr<const List>>(b.v);
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equals(x[i], y[i]))
                return false;
        return true;
    }
    case 7: {
        const Map &x = *std::get<std::shared_ptr<const Map>>(a.v);
        const Map &y = *std::get<std::shared_ptr<const Map>>(b.v);
        if (x.size() != y.size())
            return false;
        for (const auto &kv : x) {
            const Value *o = mapLookup(y, kv.first);
            if (!o || !equals(kv.second, *o))
                return false;
        }
        return true;
    }
    case 8:
        return std::get<Duration>(a.v).nanos == std::get<Duration>(b.v).nanos;
    default:
        return false;
    }
}

Program::Program(std::string source)
    : m_source(std::move(source))
{
    try {
        Lexer lexer(m_source);
        Parser parser(lexer.run());
        m_root = parser.parse();
    } catch (const SyntaxError &e) {
        m_error = "Syntax error at offset " + std::to_string(e.pos) + ": " + e.message;
        m_root.reset();
    } catch (const std::exception &e) {
        m_error = std::string("Syntax error: ") + e.what();
        m_root.reset();
    }
}

Program::~Program() = default;
Program::Program(Program &&) noexcept = default;
Program &Program::operator=(Program &&) noexcept = default;

Value Program::evaluate(const Value &self) const
{
    if (!m_root)
        return err(m_error);
    Env env {nullptr, "self", &self};
    Evaluator ev;
    return ev.eval(*m_root, env);
}

} // namespace Airgate::Cel
