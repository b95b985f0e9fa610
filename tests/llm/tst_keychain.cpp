// SPDX-License-Identifier: MIT
// The keychain adapter: a round trip through a real Secret Service (gnome-keyring in a private
// D-Bus session, tests/llm/run_with_keyring.sh), a clear sentence where none answers; the
// environment wins over stored keys.
#include "engine/llm/Keychain.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace pianola::engine::llm;

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void environmentWins();
    void roundTripOrClearFailure();
};

void TestKeychain::environmentWins()
{
    StoredKeySource keys;
    keys.setKey(ProviderKind::Anthropic, QStringLiteral("from-keychain"));
    ProviderConfig config = defaultConfig(ProviderKind::Anthropic);
    config.apiKeyEnv = QStringLiteral("PIANOLA_TEST_KEYCHAIN_ENV");
    qunsetenv("PIANOLA_TEST_KEYCHAIN_ENV");
    QCOMPARE(keys.apiKey(config), "from-keychain");
    qputenv("PIANOLA_TEST_KEYCHAIN_ENV", "from-env");
    QCOMPARE(keys.apiKey(config), "from-env");
    qunsetenv("PIANOLA_TEST_KEYCHAIN_ENV");
    QCOMPARE(keys.apiKey(defaultConfig(ProviderKind::Ollama)), QString());
}

void TestKeychain::roundTripOrClearFailure()
{
    Keychain keychain(QStringLiteral("Pianola test"));
    QSignalSpy written(&keychain, &Keychain::keyWritten);
    QSignalSpy failed(&keychain, &Keychain::failed);
    QElapsedTimer clock;
    clock.start();
    keychain.writeKey(ProviderKind::OpenAi, QStringLiteral("sk-keychain-test"));
    QTRY_VERIFY_WITH_TIMEOUT(written.size() + failed.size() == 1, 30000);
    if (!failed.isEmpty()) {
        const QString sentence = failed.front().at(1).toString();
        QVERIFY2(sentence.contains("keychain") && sentence.contains("OPENAI_API_KEY"),
                 qPrintable(sentence));
        QVERIFY(!sentence.contains("sk-keychain-test"));
        // run_with_keyring.sh started a Secret Service: failing to use it is a failure.
        if (qEnvironmentVariableIntValue("PIANOLA_REQUIRE_KEYCHAIN") == 1)
            QFAIL(qPrintable("the keyring of run_with_keyring.sh is running, yet: " + sentence));
        QSKIP(qPrintable("no keychain here: " + sentence));
    }
    QSignalSpy read(&keychain, &Keychain::keyRead);
    keychain.readKey(ProviderKind::OpenAi);
    QTRY_VERIFY_WITH_TIMEOUT(read.size() == 1, 30000);
    QCOMPARE(read.front().at(1).toString(), "sk-keychain-test");
    QSignalSpy removed(&keychain, &Keychain::keyRemoved);
    keychain.removeKey(ProviderKind::OpenAi);
    QTRY_VERIFY_WITH_TIMEOUT(removed.size() == 1, 30000);
    keychain.readKey(ProviderKind::OpenAi);
    QTRY_VERIFY_WITH_TIMEOUT(read.size() == 2, 30000);
    QCOMPARE(read.back().at(1).toString(), QString()); // gone: read as "no key"
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
