// SPDX-License-Identifier: MIT
// Keychain access through QtKeychain when it is built in.
#include "engine/llm/Keychain.h"

#ifdef PIANOLA_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <QTimer>

namespace pianola::engine::llm {

namespace {
QString account(ProviderKind kind)
{
    return QString::fromLatin1(providerName(kind).data(), qsizetype(providerName(kind).size()));
}

QString fallbackAdvice(ProviderKind kind)
{
    const QString env = defaultKeyEnv(kind);
    return env.isEmpty() ? QString() : QStringLiteral(" Set %1 instead.").arg(env);
}
} // namespace

Keychain::Keychain(QString service, QObject* parent)
    : QObject(parent), m_service(std::move(service))
{}

#ifdef PIANOLA_HAVE_QTKEYCHAIN
bool Keychain::compiledIn()
{
    return true;
}

namespace {
// Starts `job` for `kind`; on success calls `done(job)`, on failure emits failed() with a
// sentence (never the key: QtKeychain's messages do not contain it).
template <typename Job, typename Done>
void runJob(Keychain* self, Job* job, ProviderKind kind, const char* what, Done done)
{
    job->setAutoDelete(true);
    job->setKey(account(kind));
    QObject::connect(job, &QKeychain::Job::finished, self, [self, job, kind, what, done] {
        if (job->error() == QKeychain::NoError) return done(job);
        if (job->error() == QKeychain::EntryNotFound && std::string_view(what) == "read")
            return done(nullptr);
        emit self->failed(kind, QStringLiteral("Could not %1 the %2 key in the system keychain "
                                               "(%3).%4")
                                    .arg(QLatin1String(what), account(kind), job->errorString(),
                                         fallbackAdvice(kind)));
    });
    job->start();
}
} // namespace

void Keychain::readKey(ProviderKind kind)
{
    runJob(this, new QKeychain::ReadPasswordJob(m_service), kind, "read",
           [this, kind](QKeychain::ReadPasswordJob* job) {
               emit keyRead(kind, job ? job->textData() : QString());
           });
}

void Keychain::writeKey(ProviderKind kind, const QString& key)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(key);
    runJob(this, job, kind, "store", [this, kind](QKeychain::Job*) { emit keyWritten(kind); });
}

void Keychain::removeKey(ProviderKind kind)
{
    runJob(this, new QKeychain::DeletePasswordJob(m_service), kind, "remove",
           [this, kind](QKeychain::Job*) { emit keyRemoved(kind); });
}
#else
bool Keychain::compiledIn()
{
    return false;
}

namespace {
void unavailable(Keychain* self, ProviderKind kind)
{
    QTimer::singleShot(0, self, [self, kind] {
        emit self->failed(kind, QStringLiteral("This Pianola was built without keychain support "
                                               "(QtKeychain).%1")
                                    .arg(fallbackAdvice(kind)));
    });
}
} // namespace

void Keychain::readKey(ProviderKind kind)
{
    unavailable(this, kind);
}

void Keychain::writeKey(ProviderKind kind, const QString&)
{
    unavailable(this, kind);
}

void Keychain::removeKey(ProviderKind kind)
{
    unavailable(this, kind);
}
#endif

QString StoredKeySource::apiKey(const ProviderConfig& config) const
{
    const QString fromEnv = EnvironmentKeySource().apiKey(config);
    if (!fromEnv.isEmpty()) return fromEnv;
    const auto it = m_keys.find(config.kind);
    return it == m_keys.end() ? QString() : it->second;
}

} // namespace pianola::engine::llm
