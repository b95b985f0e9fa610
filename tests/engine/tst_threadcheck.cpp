// SPDX-License-Identifier: MIT
// Thread affinity: the control (GUI) thread named once, callbacks told apart from it, and the
// one-thread checker of the Transport's control side.
#include "engine/ThreadCheck.h"

#include <QTest>
#include <thread>

using namespace pianola::engine;

namespace {
template <typename F> auto onAnotherThread(F f)
{
    decltype(f()) result{};
    std::thread([&] { result = f(); }).join();
    return result;
}
} // namespace

class TestThreadCheck : public QObject
{
    Q_OBJECT
private slots:
    void everyThreadMayControlUntilOneIsNamed();
    void onlyTheNamedThreadControls();
    void checkerKeepsItsFirstThread();
};

void TestThreadCheck::everyThreadMayControlUntilOneIsNamed()
{
    QVERIFY(ControlThread::mayControl());
    QVERIFY(onAnotherThread([] { return ControlThread::mayControl(); }));
    QVERIFY(onAnotherThread([] { return ControlThread::isOther(); }));
}

void TestThreadCheck::onlyTheNamedThreadControls()
{
    ControlThread::claim();
    QVERIFY(ControlThread::mayControl());
    QVERIFY(!ControlThread::isOther()); // a callback here would assert
    QVERIFY(!onAnotherThread([] { return ControlThread::mayControl(); }));
    QVERIFY(onAnotherThread([] { return ControlThread::isOther(); }));
}

void TestThreadCheck::checkerKeepsItsFirstThread()
{
    ThreadChecker checker;
    QVERIFY(checker.check());
    QVERIFY(checker.check());
    QVERIFY(!onAnotherThread([&] { return checker.check(); }));
    checker.detach(); // a new audio device calls from another thread
    QVERIFY(onAnotherThread([&] { return checker.check(); }));
    QVERIFY(!checker.check());
}

QTEST_GUILESS_MAIN(TestThreadCheck)
#include "tst_threadcheck.moc"
