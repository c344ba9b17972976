// SPDX-License-Identifier: Apache-2.0
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <optional>
#include <vector>

namespace Airgate::OpenApi {

QString unescapeToken(QString token)
{
    token.replace(QStringLiteral("~1"), QStringLiteral("/"));
    token.replace(QStringLiteral("~0"), QStringLiteral("~"));
    return token;
}

QString escapeToken(QString token)
{
    token.replace(u'~', QStringLiteral("~0"));
    token.replace(u'/', QStringLiteral("~1"));
    return token;
}

QStringList pointerTokens(const QString &fragment)
{
    QString f = fragment.startsWith(u'#') ? fragment.mid(1) : fragment;
    if (f.isEmpty())
        return {};
    if (f.startsWith(u'/'))
        f = f.mid(1);
    QStringList out;
    for (const QString &raw : f.split(u'/')) {
        const QString decoded = raw.contains(u'%') ? QUrl::fromPercentEncoding(raw.toUtf8()) : raw;
        out << unescapeToken(decoded);
    }
    return out;
}

QJsonValue followPointer(const QJsonValue &root, const QStringList &tokens)
{
    QJsonValue cur = root;
    for (const QString &t : tokens) {
        if (cur.isObject()) {
            const QJsonObject o = cur.toObject();
            const auto it = o.constFind(t);
            if (it == o.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            cur = it.value();
        } else if (cur.isArray()) {
            bool ok = false;
            const qsizetype i = t.toLongLong(&ok);
            const QJsonArray a = cur.toArray();
            if (!ok || i < 0 || i >= a.size())
                return QJsonValue(QJsonValue::Undefined);
            cur = a.at(i);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return cur;
}

namespace {

QJsonValue scalarToJson(const Yaml::Node &n)
{
    switch (n.scalarType) {
    case Yaml::ScalarType::Bool:
        return n.asBool().value_or(false);
    case Yaml::ScalarType::Int:
        if (auto i = n.asInt())
            return static_cast<qint64>(*i);
        return n.asDouble().value_or(0);
    case Yaml::ScalarType::Float:
        return n.asDouble().value_or(0);
    case Yaml::ScalarType::Null:
        return QJsonValue();
    case Yaml::ScalarType::String:
        break;
    }
    return QString::fromStdString(n.value);
}

} // namespace

QJsonValue yamlToJson(const Yaml::Node *node)
{
    if (!node)
        return QJsonValue();
    // An explicit stack of containers being filled: the child is converted first, then
    // stored into its parent when the frame is popped.
    struct Frame
    {
        const Yaml::Node *node;
        std::size_t next = 0;
        QJsonObject object;
        QJsonArray array;
    };
    auto leaf = [](const Yaml::Node *n) -> std::optional<QJsonValue> {
        if (!n || n->isNull())
            return QJsonValue();
        if (n->isScalar())
            return scalarToJson(*n);
        return std::nullopt;
    };
    if (auto v = leaf(node))
        return *v;
    std::vector<Frame> stack;
    stack.push_back(Frame {node, 0, {}, {}});
    QJsonValue done;
    while (!stack.empty()) {
        Frame &f = stack.back();
        const bool isMap = f.node->isMap();
        const std::size_t count = isMap ? f.node->entries.size() : f.node->items.size();
        if (f.next >= count) {
            QJsonValue value = isMap ? QJsonValue(f.object) : QJsonValue(f.array);
            stack.pop_back();
            if (stack.empty()) {
                done = value;
                break;
            }
            Frame &parent = stack.back();
            if (parent.node->isMap())
                parent.object.insert(
                    QString::fromStdString(parent.node->entries[parent.next - 1].key), value);
            else
                parent.array.append(value);
            continue;
        }
        const Yaml::Node *child
            = isMap ? f.node->entries[f.next].value.get() : f.node->items[f.next].get();
        ++f.next;
        if (auto v = leaf(child)) {
            if (isMap)
                f.object.insert(QString::fromStdString(f.node->entries[f.next - 1].key), *v);
            else
                f.array.append(*v);
            continue;
        }
        stack.push_back(Frame {child, 0, {}, {}});
    }
    return done;
}

} // namespace Airgate::OpenApi
