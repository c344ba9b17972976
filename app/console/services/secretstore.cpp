// SPDX-License-Identifier: Apache-2.0
#include "secretstore.h"

#include "consoletr.h"

#include <qt6keychain/keychain.h>

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Airgate::Console {

QString SecretStore::accountFor(const QString &workspaceRoot, const QString &ns,
                                const QString &secretName)
{
    return workspaceRoot + u'|' + ns + u'/' + secretName;
}

namespace {

SecretOutcome unavailable()
{
    SecretOutcome o;
    o.unavailable = true;
    o.error = Tr::tr("No keychain is available in this session.");
    return o;
}

/** libsecret's and D-Bus's texts for "nothing answers" ("Could not connect: No such file or
 * directory", "The name org.freedesktop.secrets was not provided by any .service files"). */
bool unreachable(const QString &raw)
{
    return raw.contains(QLatin1StringView("Could not connect"))
        || raw.contains(QLatin1StringView("org.freedesktop.secrets"))
        || raw.contains(QLatin1StringView("D-Bus"), Qt::CaseInsensitive)
        || raw.contains(QLatin1StringView("dbus"), Qt::CaseInsensitive);
}

SecretOutcome noBus(const QString &why)
{
    SecretOutcome o;
    o.unavailable = true;
    o.error = Tr::tr("No keychain is available: %1.").arg(why);
    return o;
}

void answerLater(QObject *ctx, SecretStore::Done done, SecretOutcome o)
{
    // Asynchronous like a real keychain, so callers cannot come to rely on re-entrancy.
    QTimer::singleShot(0, ctx, [done = std::move(done), o = std::move(o)] { done(o); });
}

} // namespace

void MemorySecretStore::write(const QString &account, const QByteArray &secret, Done done)
{
    if (m_unavailable)
        return answerLater(this, std::move(done), unavailable());
    m_secrets.insert(account, secret);
    SecretOutcome o;
    o.ok = true;
    answerLater(this, std::move(done), o);
}

void MemorySecretStore::read(const QString &account, Done done)
{
    if (m_unavailable)
        return answerLater(this, std::move(done), unavailable());
    SecretOutcome o;
    o.ok = m_secrets.contains(account);
    o.secret = m_secrets.value(account);
    if (!o.ok)
        o.error = Tr::tr("The keychain holds no key for this entry.");
    answerLater(this, std::move(done), o);
}

void MemorySecretStore::remove(const QString &account, Done done)
{
    if (m_unavailable)
        return answerLater(this, std::move(done), unavailable());
    m_secrets.remove(account);
    SecretOutcome o;
    o.ok = true;
    answerLater(this, std::move(done), o);
}

KeychainSecretStore::KeychainSecretStore(QObject *parent, int timeoutMs)
    : SecretStore(parent)
    , m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return Tr::tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return Tr::tr("Windows Credential Store");
#else
    return Tr::tr("Secret Service (GNOME Keyring, KWallet)");
#endif
}

namespace {

/** Runs one QtKeychain job with a timeout; @p done is called exactly once. */
void runJob(QKeychain::Job *job, int timeoutMs, SecretStore::Done done, bool isRead)
{
    auto answered = std::make_shared<bool>(false);
    auto finish = [answered, done](const SecretOutcome &o) {
        if (*answered)
            return;
        *answered = true;
        done(o);
    };
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [finish] {
        SecretOutcome o = unavailable();
        o.error = Tr::tr("The keychain did not answer in time.");
        finish(o);
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [finish, isRead](QKeychain::Job *j) {
        SecretOutcome o;
        switch (j->error()) {
        case QKeychain::NoError:
            o.ok = true;
            if (isRead)
                o.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
            break;
        case QKeychain::EntryNotFound:
            o.error = Tr::tr("The keychain holds no key for this entry.");
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
        case QKeychain::NotImplemented:
            o.unavailable = true;
            o.error = KeychainSecretStore::plainError(j->error(), j->errorString());
            break;
        default:
            o.unavailable = unreachable(j->errorString());
            o.error = KeychainSecretStore::plainError(j->error(), j->errorString());
            break;
        }
        finish(o);
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}

} // namespace

QString KeychainSecretStore::sessionBusProblem()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (address.isEmpty()) {
        // libdbus's default without the variable: the user bus of systemd-logind sessions.
        const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus")))
            return {};
        return Tr::tr("this session has no D-Bus session bus, so no keychain can be reached");
    }
    // "unix:path=/run/user/1000/bus;unix:abstract=…": one usable address is enough.
    for (const QString &one : address.split(u';', Qt::SkipEmptyParts)) {
        if (!one.startsWith(QLatin1StringView("unix:")))
            return {};
        bool socketFile = false;
        for (const QString &kv : one.mid(5).split(u',')) {
            if (kv.startsWith(QLatin1StringView("path="))) {
                socketFile = true;
                if (QFileInfo::exists(kv.mid(5)))
                    return {};
            }
        }
        if (!socketFile)
            return {}; // abstract sockets, runtime=, dir=: let the library try
    }
    return Tr::tr("the session's D-Bus address (%1) leads to no running bus, so no keychain "
                  "can be reached")
        .arg(address);
#else
    return {};
#endif
}

QString KeychainSecretStore::plainError(int error, const QString &raw)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return Tr::tr("The keychain holds no key for this entry.");
    case QKeychain::AccessDeniedByUser:
        return Tr::tr("The keychain was not unlocked (its password prompt was cancelled).");
    case QKeychain::AccessDenied:
        return Tr::tr("The keychain refused access: it may be locked.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Tr::tr("No keychain is available: no Secret Service (GNOME Keyring, KWallet) runs "
                      "in this session.");
    default:
        break;
    }
    // libsecret's and D-Bus's own texts ("Could not connect: No such file or directory",
    // "The name org.freedesktop.secrets was not provided by any .service files").
    if (unreachable(raw))
        return Tr::tr("No keychain is available: no Secret Service (GNOME Keyring, KWallet) "
                      "answers on this session's D-Bus.");
    return Tr::tr("The keychain could not be used.");
}

void KeychainSecretStore::write(const QString &account, const QByteArray &secret, Done done)
{
    if (const QString why = sessionBusProblem(); !why.isEmpty())
        return answerLater(this, std::move(done), noBus(why));
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService), this);
    job->setKey(account);
    job->setBinaryData(secret);
    runJob(job, m_timeoutMs, std::move(done), false);
}

void KeychainSecretStore::read(const QString &account, Done done)
{
    if (const QString why = sessionBusProblem(); !why.isEmpty())
        return answerLater(this, std::move(done), noBus(why));
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService), this);
    job->setKey(account);
    runJob(job, m_timeoutMs, std::move(done), true);
}

void KeychainSecretStore::remove(const QString &account, Done done)
{
    if (const QString why = sessionBusProblem(); !why.isEmpty())
        return answerLater(this, std::move(done), noBus(why));
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService), this);
    job->setKey(account);
    runJob(job, m_timeoutMs, std::move(done), false);
}

} // namespace Airgate::Console
