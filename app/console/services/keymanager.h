// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "services/secretstore.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Airgate::Console {

class SecretStore;
class WorkspaceModel;

/** @brief One `apiKeys` entry of a ManagedApplication as the key dialogs show it. */
struct AppKey
{
    int index = -1;
    QString title;
    QString secretName; ///< empty for an inline `value`
    bool suspended = false;
    bool inlineValue = false;
    bool digestOk = false; ///< the Secret exists and holds a SHAKE256 digest
};

/** @brief A key just generated: the plaintext is shown once and then dropped. */
struct NewKey
{
    QByteArray plaintext;
    QString secretName;
    bool stored = false; ///< in the keychain
    bool unavailable = false; ///< no keychain: the user must copy it now
    QString storeError;
};

/**
 * @brief API-key life cycle for ManagedApplications. The plaintext goes only to the SecretStore
 * (and once to the dialog); the workspace gets a Secret holding base64(hex(SHAKE256(key))) and an
 * `apiKeys` entry naming it. Every operation is one undo step.
 */
class KeyManager final : public QObject
{
    Q_OBJECT

public:
    KeyManager(WorkspaceModel *model, SecretStore *store, QObject *parent = nullptr);

    QList<AppKey> keys(const QString &appKey) const;
    /** Generates a key for the application @p appKey; @p done receives it (plaintext included). */
    void generate(const QString &appKey, const QString &title,
                  const std::function<void(const NewKey &)> &done);
    /** A new key alongside key @p index (which stays valid until revoked). */
    void rotate(const QString &appKey, int index, const std::function<void(const NewKey &)> &done);
    void setSuspended(const QString &appKey, int index, bool suspended);
    void setTitle(const QString &appKey, int index, const QString &title);
    /** Removes key @p index, its Secret (unless something else uses it) and its keychain entry. */
    void revoke(const QString &appKey, int index);
    /** The plaintext of key @p index from the keychain (the try-request box). */
    void readPlaintext(const QString &appKey, int index,
                       const std::function<void(const QByteArray &, const QString &error)> &done);
    SecretStore *store() const { return m_store; }

private:
    QString uniqueSecretName(const QString &ns, const QString &app) const;

    WorkspaceModel *m_model;
    QPointer<SecretStore> m_store;
};

} // namespace Airgate::Console
