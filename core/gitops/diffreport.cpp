// SPDX-License-Identifier: Apache-2.0
#include "diffreport.h"

#include "normalize.h"
#include "textdiff.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Airgate::GitOps {

namespace {

const char *typeName(ResourceChange::Type t)
{
    switch (t) {
    case ResourceChange::Type::Added:
        return "added";
    case ResourceChange::Type::Removed:
        return "removed";
    case ResourceChange::Type::Changed:
        return "changed";
    }
    return "changed";
}

const char *typeName(FieldChange::Type t)
{
    switch (t) {
    case FieldChange::Type::Added:
        return "added";
    case FieldChange::Type::Removed:
        return "removed";
    case FieldChange::Type::Changed:
        return "changed";
    }
    return "changed";
}

QJsonValue toJson(const Yaml::Node *n)
{
    if (!n || n->isNull())
        return QJsonValue::Null;
    switch (n->kind) {
    case Yaml::NodeKind::Null:
        return QJsonValue::Null;
    case Yaml::NodeKind::Scalar:
        switch (n->scalarType) {
        case Yaml::ScalarType::Null:
            return QJsonValue::Null;
        case Yaml::ScalarType::Bool:
            return n->asBool().value_or(false);
        case Yaml::ScalarType::Int:
            if (auto i = n->asInt())
                return static_cast<qint64>(*i);
            return QString::fromStdString(n->value);
        case Yaml::ScalarType::Float:
            if (auto d = n->asDouble())
                return *d;
            return QString::fromStdString(n->value);
        case Yaml::ScalarType::String:
            return QString::fromStdString(n->value);
        }
        break;
    case Yaml::NodeKind::Sequence: {
        QJsonArray a;
        for (const Yaml::NodePtr &item : n->items)
            a.append(toJson(item.get()));
        return a;
    }
    case Yaml::NodeKind::Map: {
        QJsonObject o;
        for (const auto &e : n->entries)
            if (!o.contains(QString::fromStdString(e.key)))
                o.insert(QString::fromStdString(e.key), toJson(e.value.get()));
        return o;
    }
    }
    return QJsonValue::Null;
}

QByteArray unifiedFor(const ResourceChange &c, const QString &beforeLabel,
                      const QString &afterLabel)
{
    const QByteArray name = c.kubectlName().toUtf8();
    const QByteArray a = beforeLabel.toUtf8() + '/' + name;
    const QByteArray b = afterLabel.toUtf8() + '/' + name;
    QByteArray out = "diff -u -N " + a + ' ' + b + '\n';
    for (const FieldChange &f : c.fields)
        out += "# " + describe(f).toUtf8() + '\n';
    // kubectl diff compares with /dev/null-like empty files for added and removed objects.
    out += unifiedDiff(c.beforeYaml, c.afterYaml,
                       c.type == ResourceChange::Type::Added ? QByteArrayLiteral("/dev/null") : a,
                       c.type == ResourceChange::Type::Removed ? QByteArrayLiteral("/dev/null")
                                                               : b);
    return out;
}

QString markdownCell(QString s)
{
    s.replace(u'|', QStringLiteral("\\|"));
    s.replace(u'`', u'\'');
    return s;
}

} // namespace

bool parseDiffFormat(const QString &name, DiffFormat &out)
{
    if (name == QLatin1StringView("unified"))
        out = DiffFormat::Unified;
    else if (name == QLatin1StringView("json"))
        out = DiffFormat::Json;
    else if (name == QLatin1StringView("markdown"))
        out = DiffFormat::Markdown;
    else
        return false;
    return true;
}

QString describe(const FieldChange &f)
{
    switch (f.type) {
    case FieldChange::Type::Added:
        return QStringLiteral("added %1: %2").arg(f.path, shortText(f.after.get()));
    case FieldChange::Type::Removed:
        return QStringLiteral("removed %1: %2").arg(f.path, shortText(f.before.get()));
    case FieldChange::Type::Changed:
        break;
    }
    return QStringLiteral("changed %1: %2 → %3")
        .arg(f.path, shortText(f.before.get()), shortText(f.after.get()));
}

QJsonObject diffToJson(const SemanticDiff &diff, const QString &beforeLabel,
                       const QString &afterLabel)
{
    QJsonObject summary;
    summary.insert(QStringLiteral("added"), diff.count(ResourceChange::Type::Added));
    summary.insert(QStringLiteral("removed"), diff.count(ResourceChange::Type::Removed));
    summary.insert(QStringLiteral("changed"), diff.count(ResourceChange::Type::Changed));
    summary.insert(QStringLiteral("unchanged"), diff.unchanged);
    QJsonArray resources;
    for (const ResourceChange &c : diff.changes) {
        QJsonObject r;
        r.insert(QStringLiteral("status"), QLatin1StringView(typeName(c.type)));
        r.insert(QStringLiteral("apiVersion"), c.apiVersion);
        r.insert(QStringLiteral("kind"), c.kind);
        if (!c.ns.isEmpty())
            r.insert(QStringLiteral("namespace"), c.ns);
        r.insert(QStringLiteral("name"), c.name);
        r.insert(QStringLiteral("file"), c.file);
        r.insert(QStringLiteral("line"), c.mark.line);
        QJsonArray fields;
        for (const FieldChange &f : c.fields) {
            QJsonObject o;
            o.insert(QStringLiteral("path"), f.path);
            o.insert(QStringLiteral("type"), QLatin1StringView(typeName(f.type)));
            if (f.before)
                o.insert(QStringLiteral("old"), toJson(f.before.get()));
            if (f.after)
                o.insert(QStringLiteral("new"), toJson(f.after.get()));
            if (f.mark.isValid())
                o.insert(QStringLiteral("line"), f.mark.line);
            fields.append(o);
        }
        if (c.type == ResourceChange::Type::Changed)
            r.insert(QStringLiteral("changes"), fields);
        resources.append(r);
    }
    QJsonObject root;
    root.insert(QStringLiteral("against"), beforeLabel);
    root.insert(QStringLiteral("workspace"), afterLabel);
    root.insert(QStringLiteral("summary"), summary);
    root.insert(QStringLiteral("resources"), resources);
    if (!diff.notes.isEmpty())
        root.insert(QStringLiteral("notes"), QJsonArray::fromStringList(diff.notes));
    return root;
}

QByteArray renderDiff(const SemanticDiff &diff, DiffFormat format, const QString &beforeLabel,
                      const QString &afterLabel)
{
    switch (format) {
    case DiffFormat::Unified: {
        QByteArray out;
        for (const ResourceChange &c : diff.changes)
            out += unifiedFor(c, beforeLabel, afterLabel);
        return out;
    }
    case DiffFormat::Json:
        return QJsonDocument(diffToJson(diff, beforeLabel, afterLabel))
            .toJson(QJsonDocument::Indented);
    case DiffFormat::Markdown:
        break;
    }
    QByteArray out;
    out += QStringLiteral("### Workspace against `%1`: %2 changed, %3 added, %4 removed, %5 "
                          "unchanged\n\n")
               .arg(markdownCell(beforeLabel))
               .arg(diff.count(ResourceChange::Type::Changed))
               .arg(diff.count(ResourceChange::Type::Added))
               .arg(diff.count(ResourceChange::Type::Removed))
               .arg(diff.unchanged)
               .toUtf8();
    if (diff.isEmpty())
        return out + "No differences.\n";
    out += "| | resource | file | field | old | new |\n| --- | --- | --- | --- | --- | --- |\n";
    for (const ResourceChange &c : diff.changes) {
        const QString sign = c.type == ResourceChange::Type::Added
            ? QStringLiteral("➕")
            : (c.type == ResourceChange::Type::Removed ? QStringLiteral("➖")
                                                       : QStringLiteral("✏️"));
        const QString where = QStringLiteral("%1:%2").arg(c.file).arg(c.mark.line);
        if (c.type != ResourceChange::Type::Changed) {
            out += QStringLiteral("| %1 | %2 | %3 | | | |\n")
                       .arg(sign, markdownCell(c.displayName()), markdownCell(where))
                       .toUtf8();
            continue;
        }
        bool first = true;
        for (const FieldChange &f : c.fields) {
            auto cell = [](const Yaml::NodePtr &n) {
                return n ? QStringLiteral("`%1`").arg(markdownCell(shortText(n.get(), 60)))
                         : QString();
            };
            out += QStringLiteral("| %1 | %2 | %3 | `%4` | %5 | %6 |\n")
                       .arg(first ? sign : QString(),
                            first ? markdownCell(c.displayName()) : QString(),
                            first ? markdownCell(where) : QString(), markdownCell(f.path),
                            cell(f.before), cell(f.after))
                       .toUtf8();
            first = false;
        }
    }
    out += "\n<details><summary>Unified diff</summary>\n\n```diff\n";
    for (const ResourceChange &c : diff.changes)
        out += unifiedFor(c, beforeLabel, afterLabel);
    out += "```\n\n</details>\n";
    return out;
}

} // namespace Airgate::GitOps
