// SPDX-License-Identifier: Apache-2.0
// airgatectl's --help, man page and shell completions are one table: every option --help lists
// is accepted by its command, is in airgatectl(1) as the build made it, and is offered by the
// bash, zsh and fish completions the build made — each run in the real shell.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    bool crashed = false;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QString &cwd = {})
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        p.kill();
    return {p.exitCode(), p.exitStatus() != QProcess::NormalExit,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run ctl(const QStringList &args)
{
    return run(QStringLiteral(AIRGATECTL_PATH), args);
}

const QString kDoc = QStringLiteral(AIRGATE_BINARY_DIR "/doc");

/** The command rows of `airgatectl --help`: "lint", "key hash", "key new"... */
QStringList commands()
{
    const QString help = ctl({QStringLiteral("--help")}).out;
    const QString block
        = help.section(QStringLiteral("commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList out;
    static const QRegularExpression row(QStringLiteral("^  ([a-z]+(?: [a-z]+)?)(?: |$)"));
    for (const QString &line : block.split(u'\n')) {
        auto m = row.match(line);
        if (m.hasMatch())
            out << m.captured(1);
    }
    out.removeDuplicates();
    return out;
}

/** The long options of `airgatectl CMD --help`, e.g. "--path", "--rule." for the prefix. */
QStringList longOptions(const QString &command, QStringList *metavars = nullptr)
{
    QStringList args = command.split(u' ');
    args << QStringLiteral("--help");
    const QString help = ctl(args).out;
    const QString block
        = help.section(QStringLiteral("\noptions:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList out;
    static const QRegularExpression row(
        QStringLiteral("^  (?:-[a-z], )?(--[a-z.-]+)(NAME=)?(?: ([A-Z=:]+))?"));
    for (const QString &line : block.split(u'\n')) {
        auto m = row.match(line);
        if (!m.hasMatch())
            continue;
        out << m.captured(1);
        if (metavars)
            *metavars << m.captured(3);
    }
    return out;
}

/** The rule names listed by `airgatectl lint --help`. */
QStringList rules()
{
    const QString help = ctl({QStringLiteral("lint"), QStringLiteral("--help")}).out;
    const QString block
        = help.section(QStringLiteral("\nrules ("), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList out;
    static const QRegularExpression row(QStringLiteral("^  ([a-z-]+)"));
    for (const QString &line : block.split(u'\n'))
        if (auto m = row.match(line); m.hasMatch())
            out << m.captured(1);
    return out;
}

QStringList sortedLines(const QString &s)
{
    QStringList l = s.split(u'\n', Qt::SkipEmptyParts);
    for (QString &x : l)
        x = x.section(u'\t', 0, 0).trimmed();
    l.removeDuplicates();
    l.sort();
    return l;
}

/** What bash completes for @p line with the build's completion script sourced. */
QStringList bashComplete(const QString &line, const QString &cwd = {})
{
    const QString script = QStringLiteral("source \"$1\"; COMP_LINE=$2; COMP_POINT=${#COMP_LINE}; "
                                          "COMP_WORDBREAKS=$' \\t\\n\"'\\''><=;|&(:';"
                                          " _airgatectl; printf '%s\\n' \"${COMPREPLY[@]}\"");
    const Run r
        = run(QStringLiteral("bash"),
              {QStringLiteral("--norc"), QStringLiteral("-c"), script, QStringLiteral("bash"),
               kDoc + QStringLiteral("/completions/airgatectl"), line},
              cwd);
    return sortedLines(r.out);
}

QStringList fishComplete(const QString &line, const QString &cwd = {})
{
    const Run r = run(QStringLiteral("fish"),
                      {QStringLiteral("--no-config"), QStringLiteral("-c"),
                       QStringLiteral("source $argv[1]; complete -C $argv[2]"),
                       kDoc + QStringLiteral("/completions/airgatectl.fish"), line},
                      cwd);
    return sortedLines(r.out);
}

QStringList zshComplete(const QString &line, const QString &cwd = {})
{
    const Run r = run(QStringLiteral("zsh"),
                      {QStringLiteral("-f"),
                       QStringLiteral(AIRGATE_SOURCE_DIR "/tests/cli/zsh-complete.zsh"),
                       kDoc + QStringLiteral("/completions"), line},
                      cwd);
    return sortedLines(r.out);
}

bool hasShell(const QString &shell)
{
    return !QStandardPaths::findExecutable(shell).isEmpty();
}

} // namespace

class TestCliDocs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kDoc + QStringLiteral("/man/airgatectl.1")),
                 "the build makes doc/man/airgatectl.1 (target airgate_docs)");
        QVERIFY(commands().contains(QStringLiteral("lint")));
        QVERIFY(commands().contains(QStringLiteral("key new")));
        QVERIFY(rules().contains(QStringLiteral("offline-key-digest")));
    }

    void helpForEveryCommand()
    {
        for (const QString &c : commands()) {
            QStringList args = c.split(u' ');
            const Run viaFlag = ctl(args + QStringList {QStringLiteral("--help")});
            QCOMPARE(viaFlag.code, 0);
            QVERIFY2(viaFlag.out.startsWith(QStringLiteral("usage: airgatectl ") + c),
                     qPrintable(viaFlag.out));
            const Run viaHelp = ctl(QStringList {QStringLiteral("help")} + args);
            QCOMPARE(viaHelp.code, 0);
            QCOMPARE(viaHelp.out, viaFlag.out);
        }
        QCOMPARE(ctl({QStringLiteral("help"), QStringLiteral("frobnicate")}).code, 2);
    }

    void everyListedOptionIsAccepted()
    {
        // Each option with a plausible value, on a folder that does not exist: the command must
        // get past option parsing (no "unknown option", no abort for an undeclared one).
        for (const QString &c : commands()) {
            QStringList metavars;
            const QStringList options = longOptions(c, &metavars);
            for (qsizetype i = 0; i < options.size(); ++i) {
                QStringList args = c.split(u' ');
                const QString &o = options[i];
                if (o == QLatin1StringView("--rule."))
                    args << QStringLiteral("--rule.orphan=false");
                else if (metavars[i].isEmpty())
                    args << o;
                else
                    args << o
                         << (metavars[i] == QLatin1StringView("N") ? QStringLiteral("2")
                                                                   : QStringLiteral("x=1"));
                if (o != QLatin1StringView("--path") && options.contains(QStringLiteral("--path")))
                    args << QStringLiteral("--path") << QStringLiteral("/nonexistent/airgate");
                const Run r = ctl(args);
                QVERIFY2(!r.crashed, qPrintable(args.join(u' ') + u'\n' + r.err));
                QVERIFY2(!r.err.contains(QStringLiteral("unknown option")),
                         qPrintable(args.join(u' ') + u'\n' + r.err));
            }
        }
        const Run r = ctl({QStringLiteral("lint"), QStringLiteral("--frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown option --frobnicate")));
    }

    void manPageHasEverything()
    {
        // The page the build made is what this binary prints now.
        QFile scd(kDoc + QStringLiteral("/man/airgatectl.1.scd"));
        QVERIFY(scd.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(scd.readAll()),
                 ctl({QStringLiteral("help"), QStringLiteral("--man")}).out);
        if (!hasShell(QStringLiteral("man")))
            QSKIP("man is not installed");
        QProcess man;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
        man.setProcessEnvironment(env);
        man.start(QStringLiteral("man"),
                  {QStringLiteral("-l"), kDoc + QStringLiteral("/man/airgatectl.1.gz")});
        QVERIFY(man.waitForFinished(30000));
        // Plain text: drop overstrike formatting if any.
        QString page = QString::fromUtf8(man.readAllStandardOutput());
        page.remove(QRegularExpression(QStringLiteral(".\\x08")));
        for (const QString &section :
             {QStringLiteral("NAME"), QStringLiteral("SYNOPSIS"), QStringLiteral("DESCRIPTION"),
              QStringLiteral("COMMANDS"), QStringLiteral("RULES"), QStringLiteral("EXIT STATUS"),
              QStringLiteral("ENVIRONMENT"), QStringLiteral("FILES"), QStringLiteral("EXAMPLES"),
              QStringLiteral("SEE ALSO")})
            QVERIFY2(page.contains(u'\n' + section + u'\n'), qPrintable(section));
        for (const QString &c : commands()) {
            QVERIFY2(page.contains(QStringLiteral("airgatectl ") + c), qPrintable(c));
            const QString part = page.section(QStringLiteral("\n   airgatectl ") + c + u'\n', 1)
                                     .section(QStringLiteral("\n   airgatectl "), 0, 0);
            for (const QString &o : longOptions(c))
                QVERIFY2(part.contains(o), qPrintable(c + u' ' + o));
        }
        for (const QString &rule : rules())
            QVERIFY2(page.contains(QStringLiteral("\n       ") + rule + u'\n'), qPrintable(rule));
        QVERIFY(page.contains(QStringLiteral("/etc/airgate/NAME/")));
    }

    void bashCompletes()
    {
        if (!hasShell(QStringLiteral("bash")))
            QSKIP("bash is not installed");
        QVERIFY(bashComplete(QStringLiteral("airgatectl ")).contains(QStringLiteral("serve")));
        QCOMPARE(bashComplete(QStringLiteral("airgatectl li")),
                 QStringList {QStringLiteral("lint")});
        QCOMPARE(bashComplete(QStringLiteral("airgatectl key ")),
                 (QStringList {QStringLiteral("hash"), QStringLiteral("new")}));
        QCOMPARE(bashComplete(QStringLiteral("airgatectl lint --format ")),
                 (QStringList {QStringLiteral("checkstyle"), QStringLiteral("json"),
                               QStringLiteral("junit"), QStringLiteral("sarif"),
                               QStringLiteral("unix")}));
        // One word "--format=j": bash replaces what follows '=' (a COMP_WORDBREAKS character).
        QCOMPARE(bashComplete(QStringLiteral("airgatectl lint --format=j")),
                 (QStringList {QStringLiteral("json"), QStringLiteral("junit")}));
        QStringList ruleOptions;
        for (const QString &r : rules())
            ruleOptions << QStringLiteral("--rule.") + r + u'=';
        ruleOptions.sort();
        QCOMPARE(bashComplete(QStringLiteral("airgatectl lint --rule.")), ruleOptions);
        QCOMPARE(bashComplete(QStringLiteral("airgatectl lint --rule.orphan=f")),
                 QStringList {QStringLiteral("false")});
        QCOMPARE(bashComplete(QStringLiteral("airgatectl lint --path resources/exa"),
                              QStringLiteral(AIRGATE_SOURCE_DIR)),
                 QStringList {QStringLiteral("resources/examples")});
        QCOMPARE(bashComplete(QStringLiteral("airgatectl lint -o READ"),
                              QStringLiteral(AIRGATE_SOURCE_DIR)),
                 QStringList {QStringLiteral("README.md")});
        for (const QString &c : commands()) {
            QStringList expected = longOptions(c);
            if (expected.removeAll(QStringLiteral("--rule.")))
                expected += ruleOptions;
            expected << QStringLiteral("--help");
            expected.sort();
            const QStringList got
                = bashComplete(QStringLiteral("airgatectl ") + c + QStringLiteral(" --"));
            QVERIFY2(got == expected,
                     qPrintable(c + QStringLiteral(": ") + got.join(u' ') + QStringLiteral(" / ")
                                + expected.join(u' ')));
        }
    }

    void zshCompletes()
    {
        if (!hasShell(QStringLiteral("zsh")))
            QSKIP("zsh is not installed");
        QVERIFY(zshComplete(QStringLiteral("airgatectl ")).contains(QStringLiteral("completion")));
        QCOMPARE(zshComplete(QStringLiteral("airgatectl key ")),
                 (QStringList {QStringLiteral("hash"), QStringLiteral("new")}));
        QCOMPARE(zshComplete(QStringLiteral("airgatectl lint --format ")),
                 (QStringList {QStringLiteral("checkstyle"), QStringLiteral("json"),
                               QStringLiteral("junit"), QStringLiteral("sarif"),
                               QStringLiteral("unix")}));
        QCOMPARE(zshComplete(QStringLiteral("airgatectl lint --rule.orphan=")),
                 (QStringList {QStringLiteral("--rule.orphan=false"),
                               QStringLiteral("--rule.orphan=true")}));
        QCOMPARE(zshComplete(QStringLiteral("airgatectl lint --path resources/exa"),
                             QStringLiteral(AIRGATE_SOURCE_DIR)),
                 QStringList {QStringLiteral("resources/examples")});
        for (const QString &c :
             {QStringLiteral("lint"), QStringLiteral("serve"), QStringLiteral("key new")}) {
            const QStringList got
                = zshComplete(QStringLiteral("airgatectl ") + c + QStringLiteral(" --"));
            for (const QString &o : longOptions(c)) {
                if (o == QLatin1StringView("--rule."))
                    for (const QString &r : rules())
                        // zsh adds the '=' as a suffix of its own.
                        QVERIFY2(got.contains(QStringLiteral("--rule.") + r), qPrintable(r));
                else
                    QVERIFY2(got.contains(o), qPrintable(c + u' ' + o + u' ' + got.join(u' ')));
            }
        }
    }

    void fishCompletes()
    {
        if (!hasShell(QStringLiteral("fish")))
            QSKIP("fish is not installed");
        QVERIFY(fishComplete(QStringLiteral("airgatectl ")).contains(QStringLiteral("export")));
        QCOMPARE(fishComplete(QStringLiteral("airgatectl key ")),
                 (QStringList {QStringLiteral("hash"), QStringLiteral("new")}));
        QCOMPARE(fishComplete(QStringLiteral("airgatectl lint --rule.orphan=")),
                 (QStringList {QStringLiteral("--rule.orphan=false"),
                               QStringLiteral("--rule.orphan=true")}));
        QCOMPARE(
            fishComplete(QStringLiteral("airgatectl completion ")),
            (QStringList {QStringLiteral("bash"), QStringLiteral("fish"), QStringLiteral("zsh")}));
        QCOMPARE(fishComplete(QStringLiteral("airgatectl lint -o READ"),
                              QStringLiteral(AIRGATE_SOURCE_DIR)),
                 QStringList {QStringLiteral("README.md")});
        for (const QString &c : commands()) {
            const QStringList got
                = fishComplete(QStringLiteral("airgatectl ") + c + QStringLiteral(" --"));
            for (const QString &o : longOptions(c)) {
                if (o == QLatin1StringView("--rule."))
                    for (const QString &r : rules())
                        QVERIFY2(got.contains(QStringLiteral("--rule.") + r), qPrintable(r));
                else
                    QVERIFY2(got.contains(o), qPrintable(c + u' ' + o + u' ' + got.join(u' ')));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "tst_clidocs.moc"
