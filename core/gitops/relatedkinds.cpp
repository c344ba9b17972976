// SPDX-License-Identifier: Apache-2.0
#include "relatedkinds.h"

#include "model/specs.h"

namespace Airgate::GitOps {

namespace {

QString group(QStringView apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    return slash < 0 ? QString() : apiVersion.left(slash).toString();
}

void collect(const Yaml::Node &n, const QString &ns, QSet<QString> &out)
{
    if (n.isSequence()) {
        for (const Yaml::NodePtr &item : n.items)
            collect(*item, ns, out);
        return;
    }
    if (!n.isMap())
        return;
    for (const Yaml::Node::Entry &e : n.entries) {
        const std::string &k = e.key;
        const bool secretKey = k == "secretName" || k == "secret" || k == "secrets"
            || (k.size() > 10 && k.ends_with("SecretName"));
        const bool configMapKey = k == "configMap" || k == "configMapName";
        if ((secretKey || configMapKey) && (e.value->isScalar() || e.value->isSequence())) {
            const QString kind = secretKey ? QStringLiteral("Secret") : QStringLiteral("ConfigMap");
            if (e.value->isScalar())
                out.insert(configKey(kind, ns, QString::fromStdString(e.value->text())));
            else
                for (const Yaml::NodePtr &item : e.value->items)
                    if (item->isScalar())
                        out.insert(configKey(kind, ns, QString::fromStdString(item->text())));
            continue;
        }
        collect(*e.value, ns, out);
    }
}

} // namespace

bool isHubOrTraefik(QStringView apiVersion)
{
    const QString g = group(apiVersion);
    return g == QLatin1StringView("hub.traefik.io") || g == QLatin1StringView("traefik.io")
        || g == QLatin1StringView("traefik.containo.us");
}

bool isSecretOrConfigMap(QStringView apiVersion, QStringView kind)
{
    return apiVersion == QLatin1StringView("v1")
        && (kind == QLatin1StringView("Secret") || kind == QLatin1StringView("ConfigMap"));
}

QString configKey(QStringView kind, const QString &ns, const QString &name)
{
    return kind.toString() + u'|' + ns + u'|' + name;
}

QSet<QString> referencedConfig(const std::vector<DumpObject> &objects)
{
    QSet<QString> out;
    for (const DumpObject &o : objects) {
        if (!isHubOrTraefik(QString::fromStdString(o.node->scalarAt("apiVersion").value_or(""))))
            continue;
        const QString ns = stringAt(o.node->get("metadata"), "namespace");
        if (const Yaml::Node *spec = o.node->get("spec"))
            collect(*spec, ns, out);
    }
    return out;
}

} // namespace Airgate::GitOps
