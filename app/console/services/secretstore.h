// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Airgate::Console {

/** @brief What a secret-store operation came to. */
struct SecretOutcome
{
    bool ok = false;
    /// No keychain to talk to (no Secret Service on the session bus, locked and refused, timeout).
    bool unavailable = false;
    QString error;
    QByteArray secret; ///< read only
};

/**
 * @brief Where plaintext API keys live: the OS keychain, never the workspace. Asynchronous,
 * because a keychain may prompt the user; every call answers exactly once through @p done.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SecretOutcome &)>;
    using QObject::QObject;

    virtual void write(const QString &account, const QByteArray &secret, Done done) = 0;
    virtual void read(const QString &account, Done done) = 0;
    virtual void remove(const QString &account, Done done) = 0;
    /** "GNOME Keyring", "memory" … for the UI. */
    virtual QString backendName() const = 0;

    /** The account of an application key: "<workspace root>|<namespace>/<secret name>". */
    static QString accountFor(const QString &workspaceRoot, const QString &ns,
                              const QString &secretName);
};

/** @brief A store in memory: tests, and the session-only fallback when there is no keychain. */
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;
    void write(const QString &account, const QByteArray &secret, Done done) override;
    void read(const QString &account, Done done) override;
    void remove(const QString &account, Done done) override;
    QString backendName() const override { return QStringLiteral("memory"); }
    /** Makes every call fail as "no keychain" (tests of the unavailable path). */
    void setUnavailable(bool on) { m_unavailable = on; }
    int size() const { return static_cast<int>(m_secrets.size()); }

private:
    QHash<QString, QByteArray> m_secrets;
    bool m_unavailable = false;
};

/**
 * @brief The OS keychain through QtKeychain (Secret Service / GNOME Keyring on Linux, Keychain
 * on macOS, Credential Store on Windows). Jobs that do not answer within the timeout count as
 * "unavailable" — a session without a keyring must not hang the console.
 */
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr, int timeoutMs = 10000);
    void write(const QString &account, const QByteArray &secret, Done done) override;
    void read(const QString &account, Done done) override;
    void remove(const QString &account, Done done) override;
    QString backendName() const override;

    static constexpr const char *kService = "airgate";
    /**
     * Why there is no Secret Service to ask, found without asking (empty when a session bus is
     * there): with no session bus, asking makes libdbus start one (X11 autolaunch), and the
     * keyring it starts then prompts for a new keyring's password.
     */
    static QString sessionBusProblem();
    /** A keychain error in plain words (a library's raw text, such as "Could not connect: No
     * such file or directory", never reaches the user). */
    static QString plainError(int qtKeychainError, const QString &raw);

private:
    int m_timeoutMs;
};

} // namespace Airgate::Console
