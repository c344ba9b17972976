// SPDX-License-Identifier: Apache-2.0
#include "dumpreader.h"

#include "io/atomicfile.h"
#include "openapi/openapidocument.h"
#include "yaml/yamlparser.h"

#include <QFile>

namespace Airgate::GitOps {

namespace {

QString located(const QString &file, const Yaml::Mark &m, const QString &what)
{
    if (!m.isValid())
        return file + QStringLiteral(": ") + what;
    return QStringLiteral("%1:%2:%3: %4").arg(file).arg(m.line).arg(m.column).arg(what);
}

Error parseError(const QString &file, const Yaml::Mark &m, const QString &what)
{
    return makeError(Error::Code::Parse, located(file, m, what));
}

/** An object must say what it is and what it is called; a cut-off dump usually does not. */
std::optional<QString> objectProblem(const Yaml::Node &n)
{
    const Yaml::Node *apiVersion = n.get("apiVersion");
    const Yaml::Node *kind = n.get("kind");
    if (!apiVersion || !apiVersion->isScalar() || apiVersion->text().empty())
        return QStringLiteral("not a Kubernetes object: apiVersion is missing (a truncated dump?)");
    if (!kind || !kind->isScalar() || kind->text().empty())
        return QStringLiteral("not a Kubernetes object: kind is missing (a truncated dump?)");
    const Yaml::Node *meta = n.get("metadata");
    if (!meta || !meta->isMap())
        return QStringLiteral("%1 has no metadata (a truncated dump?)")
            .arg(QString::fromStdString(kind->text()));
    const Yaml::Node *name = meta->get("name");
    if (!name || !name->isScalar() || name->text().empty())
        return QStringLiteral("%1 has no metadata.name (a truncated dump?)")
            .arg(QString::fromStdString(kind->text()));
    return std::nullopt;
}

bool isListKind(const Yaml::Node &root)
{
    const auto kind = root.scalarAt("kind");
    if (!kind)
        return false;
    if (*kind == "List")
        return true;
    // `kubectl get` prints `v1 List`; the API itself answers `APIPlanList` and the like.
    const Yaml::Node *items = root.get("items");
    return kind->size() > 4 && kind->ends_with("List") && items
        && (items->isSequence() || items->isNull());
}

} // namespace

Result<Dump> readDump(QByteArrayView bytes, const QString &fileName)
{
    if (bytes.size() > kMaxDumpBytes)
        return makeError(Error::Code::Refused,
                         QStringLiteral("%1: %2 bytes is more than a dump may hold (%3)")
                             .arg(fileName)
                             .arg(bytes.size())
                             .arg(kMaxDumpBytes));
    const Yaml::ParsedText parsed
        = Yaml::parseYaml(std::string_view(bytes.data(), static_cast<size_t>(bytes.size())));
    Dump dump;
    for (const Yaml::Document &doc : parsed.documents) {
        for (const Yaml::Problem &p : doc.problems)
            if (p.severity == Yaml::Problem::Severity::Error)
                return parseError(fileName, p.mark, QString::fromStdString(p.message));
        if (doc.failed)
            return parseError(fileName, {doc.contentLine, 1},
                              QStringLiteral("the document cannot be read"));
        const Yaml::NodePtr &root = doc.root;
        if (!root || root->isNull())
            continue;
        const Yaml::Mark docMark
            = root->mark.isValid() ? root->mark : Yaml::Mark {doc.contentLine, 1};
        if (!root->isMap())
            return parseError(fileName, docMark,
                              QStringLiteral("a document must be a Kubernetes object (a mapping), "
                                             "not a %1")
                                  .arg(QLatin1StringView(Yaml::jsonTypeName(*root))));
        if (const QString format = OpenApi::documentFormat(*root); !format.isEmpty()) {
            dump.notes << located(
                fileName, docMark,
                QStringLiteral("skipped: %1 document, not a manifest").arg(format));
            continue;
        }
        if (isListKind(*root)) {
            const Yaml::Node *items = root->get("items");
            if (!items || items->isNull())
                continue;
            if (!items->isSequence())
                return parseError(fileName, items->mark,
                                  QStringLiteral("List items must be a list"));
            // A typed list (`APIPlanList` from the API) leaves apiVersion and kind off its items.
            const std::string listKind = root->scalarAt("kind").value_or("");
            const std::string itemKind
                = listKind == "List" ? std::string() : listKind.substr(0, listKind.size() - 4);
            for (int i = 0; i < static_cast<int>(items->items.size()); ++i) {
                Yaml::NodePtr item = items->items[static_cast<size_t>(i)];
                const Yaml::Mark itemMark = item->mark.isValid() ? item->mark : items->mark;
                if (!item->isMap())
                    return parseError(fileName, itemMark,
                                      QStringLiteral("List item %1 is a %2, not an object")
                                          .arg(i)
                                          .arg(QLatin1StringView(Yaml::jsonTypeName(*item))));
                if (!itemKind.empty() && !item->has("kind")) {
                    Yaml::NodePtr typed = Yaml::Node::makeMap();
                    typed->mark = item->mark;
                    typed->set("apiVersion", root->getPtr("apiVersion"));
                    typed->set("kind", Yaml::Node::makeString(itemKind));
                    for (const auto &e : item->entries)
                        typed->entries.push_back(e);
                    item = typed;
                }
                if (auto problem = objectProblem(*item))
                    return parseError(fileName, itemMark,
                                      QStringLiteral("List item %1: %2").arg(i).arg(*problem));
                dump.objects.push_back({item, fileName, itemMark, doc.index, i});
            }
            continue;
        }
        if (auto problem = objectProblem(*root))
            return parseError(fileName, docMark, *problem);
        dump.objects.push_back({root, fileName, docMark, doc.index, -1});
    }
    return dump;
}

Result<Dump> readDumpFile(const QString &path)
{
    if (path == QLatin1StringView("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return makeError(Error::Code::Io, QStringLiteral("-: cannot read standard input"));
        const QByteArray bytes = in.read(kMaxDumpBytes + 1);
        return readDump(bytes, QStringLiteral("<stdin>"));
    }
    auto bytes = Io::readFile(path, kMaxDumpBytes);
    if (!bytes)
        return bytes.error();
    return readDump(*bytes, path);
}

} // namespace Airgate::GitOps
