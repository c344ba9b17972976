// SPDX-License-Identifier: Apache-2.0
#include "keymanager.h"

#include "consoletr.h"
#include "keys/apikey.h"
#include "models/templates.h"
#include "models/workspacemodel.h"
#include "secretstore.h"

#include <QDate>

namespace Airgate::Console {

KeyManager::KeyManager(WorkspaceModel *model, SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_store(store)
{
}

QList<AppKey> KeyManager::keys(const QString &appKey) const
{
    QList<AppKey> out;
    const Resource *app = m_model->resource(appKey);
    if (!app)
        return out;
    const int n = m_model->count(appKey, QStringLiteral("spec.apiKeys"));
    for (int i = 0; i < n; ++i) {
        const QString p = QStringLiteral("spec.apiKeys[%1].").arg(i);
        AppKey k;
        k.index = i;
        k.title = m_model->value(appKey, p + QStringLiteral("title")).toString();
        k.secretName = m_model->value(appKey, p + QStringLiteral("secretName")).toString();
        k.suspended = m_model->value(appKey, p + QStringLiteral("suspended")).toBool();
        k.inlineValue = m_model->has(appKey, p + QStringLiteral("value"));
        if (!k.secretName.isEmpty()) {
            const QString sk = resourceKey(Kind::Secret, app->ns, k.secretName);
            const QVariant data = m_model->value(sk, QStringLiteral("data[key]"));
            k.digestOk = Keys::isDigestHex(QByteArray::fromBase64(data.toString().toLatin1()));
        } else if (k.inlineValue) {
            k.digestOk = Keys::isDigestHex(
                m_model->value(appKey, p + QStringLiteral("value")).toString().toLatin1());
        }
        out.append(k);
    }
    return out;
}

QString KeyManager::uniqueSecretName(const QString &ns, const QString &app) const
{
    const QStringList taken = m_model->names(Kind::Secret, ns);
    for (int i = 1;; ++i) {
        const QString candidate
            = i == 1 ? app + QStringLiteral("-key") : app + QStringLiteral("-key-%1").arg(i);
        if (!taken.contains(candidate))
            return candidate.left(253);
    }
}

void KeyManager::generate(const QString &appKey, const QString &title,
                          const std::function<void(const NewKey &)> &done)
{
    const Resource *app = m_model->resource(appKey);
    if (!app)
        return;
    NewKey key;
    key.plaintext = Keys::generateKey();
    key.secretName = uniqueSecretName(app->ns, app->name);
    const QString ns = app->ns;
    const QString file = app->source.file;

    // The Secret, beside its application, holding only the digest.
    auto secret = Yaml::Node::makeMap();
    secret->set("apiVersion", Yaml::Node::makeString("v1"));
    secret->set("kind", Yaml::Node::makeString("Secret"));
    auto meta = Yaml::Node::makeMap();
    meta->set("name", Yaml::Node::makeString(key.secretName.toStdString()));
    meta->set("namespace", Yaml::Node::makeString(ns.toStdString()));
    secret->set("metadata", meta);
    secret->set("type", Yaml::Node::makeString("Opaque"));
    auto data = Yaml::Node::makeMap();
    data->set("key", Yaml::Node::makeString(Keys::secretDataValue(key.plaintext).toStdString()));
    secret->set("data", data);

    auto entry = Yaml::Node::makeMap();
    entry->set("secretName", Yaml::Node::makeString(key.secretName.toStdString()));
    if (!title.isEmpty())
        entry->set("title", Yaml::Node::makeString(title.toStdString()));

    m_model->beginCompound(Tr::tr("New API key for %1").arg(app->name));
    m_model->addResource(file, secret);
    m_model->appendItem(appKey, QStringLiteral("spec.apiKeys"), entry);
    m_model->endCompound();

    if (!m_store) {
        key.unavailable = true;
        done(key);
        return;
    }
    const QString account = SecretStore::accountFor(m_model->root(), ns, key.secretName);
    m_store->write(account, key.plaintext, [key, done](const SecretOutcome &o) mutable {
        key.stored = o.ok;
        key.unavailable = o.unavailable;
        key.storeError = o.error;
        done(key);
    });
}

void KeyManager::rotate(const QString &appKey, int index,
                        const std::function<void(const NewKey &)> &done)
{
    const QList<AppKey> ks = keys(appKey);
    if (index < 0 || index >= ks.size())
        return;
    const QString base = ks[index].title.isEmpty() ? ks[index].secretName : ks[index].title;
    generate(appKey,
             Tr::tr("%1 (rotated %2)").arg(base, QDate::currentDate().toString(Qt::ISODate)), done);
}

void KeyManager::setSuspended(const QString &appKey, int index, bool suspended)
{
    const QString p = QStringLiteral("spec.apiKeys[%1].suspended").arg(index);
    m_model->setValue(appKey, p, suspended ? QVariant(true) : QVariant());
}

void KeyManager::setTitle(const QString &appKey, int index, const QString &title)
{
    const QString p = QStringLiteral("spec.apiKeys[%1].title").arg(index);
    m_model->setValue(appKey, p, title.isEmpty() ? QVariant() : QVariant(title));
}

void KeyManager::revoke(const QString &appKey, int index)
{
    const QList<AppKey> ks = keys(appKey);
    const Resource *app = m_model->resource(appKey);
    if (!app || index < 0 || index >= ks.size())
        return;
    const AppKey k = ks[index];
    const QString ns = app->ns;
    m_model->beginCompound(
        Tr::tr("Revoke API key %1").arg(k.title.isEmpty() ? k.secretName : k.title));
    m_model->removeItem(appKey, QStringLiteral("spec.apiKeys"), index);
    if (!k.secretName.isEmpty()) {
        const QString sk = resourceKey(Kind::Secret, ns, k.secretName);
        // Keep a Secret another application still names.
        if (m_model->dependents(sk).isEmpty())
            m_model->removeResource(sk);
    }
    m_model->endCompound();
    if (m_store && !k.secretName.isEmpty())
        m_store->remove(SecretStore::accountFor(m_model->root(), ns, k.secretName),
                        [](const SecretOutcome &) {});
}

void KeyManager::readPlaintext(
    const QString &appKey, int index,
    const std::function<void(const QByteArray &, const QString &error)> &done)
{
    const QList<AppKey> ks = keys(appKey);
    const Resource *app = m_model->resource(appKey);
    if (!app || index < 0 || index >= ks.size() || ks[index].secretName.isEmpty() || !m_store) {
        done({}, Tr::tr("No stored key for this entry."));
        return;
    }
    m_store->read(SecretStore::accountFor(m_model->root(), app->ns, ks[index].secretName),
                  [done](const SecretOutcome &o) { done(o.secret, o.ok ? QString() : o.error); });
}

} // namespace Airgate::Console
