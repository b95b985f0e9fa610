// SPDX-License-Identifier: MIT
// The preferences dialog.
#include "app/PreferencesDialog.h"

#include "app/ChatController.h"
#include "engine/llm/ConnectionTest.h"
#include "engine/llm/Keychain.h"
#include "engine/llm/ProviderConfig.h"
#include "engine/midi/MidiPorts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace pianola::app {

namespace {
void select(QComboBox* box, const QVariant& value)
{
    const int index = box->findData(value);
    if (index >= 0) {
        box->setCurrentIndex(index);
    } else if (!value.toString().isEmpty()) { // a port not present now: keep the choice
        box->addItem(value.toString() + QObject::tr(" (not found)"), value);
        box->setCurrentIndex(box->count() - 1);
    }
}
} // namespace

PreferencesDialog::PreferencesDialog(const engine::llm::KeySource* keys, QWidget* parent)
    : QDialog(parent), m_soundFont(new QLineEdit(this)), m_driver(new QComboBox(this)),
      m_rate(new QComboBox(this)), m_api(new QComboBox(this)), m_output(new QComboBox(this)),
      m_clock(new QCheckBox(tr("Send MIDI clock, start/stop and song position"), this)),
      m_input(new QComboBox(this)),
      m_playThrough(
          new QCheckBox(tr("Play what comes in through the current track's sound"), this)),
      m_llmProvider(new QComboBox(this)), m_llmBaseUrl(new QLineEdit(this)),
      m_llmModel(new QLineEdit(this)), m_llmKeyEnv(new QLineEdit(this)),
      m_llmKey(new QLineEdit(this)), m_llmMode(new QComboBox(this)), m_keyStatus(new QLabel(this)),
      m_test(new QPushButton(tr("Test connection"), this)), m_testResult(new QLabel(this)),
      m_connection(new engine::llm::ConnectionTest(this)), m_keys(keys)
{
    setWindowTitle(tr("Preferences"));
    setObjectName("preferences");
    QSettings settings;
    auto* layout = new QVBoxLayout(this);

    auto* sound = new QGroupBox(tr("Sound (built-in FluidSynth)"), this);
    auto* soundForm = new QFormLayout(sound);
    auto* fontRow = new QHBoxLayout;
    m_soundFont->setPlaceholderText(
        tr("Automatic: $PIANOLA_SOUNDFONT or the system's General MIDI SoundFont"));
    m_soundFont->setText(settings.value("audio/soundFont").toString());
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("SoundFont"),
                                                          QStringLiteral("/usr/share/sounds/sf2"),
                                                          tr("SoundFonts (*.sf2 *.sf3)"));
        if (!path.isEmpty()) m_soundFont->setText(path);
    });
    fontRow->addWidget(m_soundFont);
    fontRow->addWidget(browse);
    soundForm->addRow(tr("SoundFont"), fontRow);
    m_driver->addItem(tr("Automatic"), QString());
    for (const char* d : {"pulseaudio", "pipewire", "alsa", "jack", "sdl2"})
        m_driver->addItem(QString::fromLatin1(d), QString::fromLatin1(d));
    select(m_driver, settings.value("audio/driver").toString());
    soundForm->addRow(tr("Audio driver"), m_driver);
    for (int rate : {44100, 48000, 96000})
        m_rate->addItem(tr("%1 Hz").arg(rate), rate);
    select(m_rate, settings.value("audio/sampleRate", 44100).toInt());
    soundForm->addRow(tr("Sample rate"), m_rate);
    layout->addWidget(sound);

    auto* midi = new QGroupBox(tr("MIDI"), this);
    auto* midiForm = new QFormLayout(midi);
    m_api->addItem(tr("Any"), QString());
    for (const std::string& api : engine::compiledMidiApis())
        m_api->addItem(QString::fromStdString(api), QString::fromStdString(api));
    select(m_api, settings.value("midi/api").toString());
    midiForm->addRow(tr("MIDI system"), m_api);
    midiForm->addRow(tr("Output"), m_output);
    midiForm->addRow(QString(), m_clock);
    midiForm->addRow(tr("Input"), m_input);
    midiForm->addRow(QString(), m_playThrough);
    m_clock->setChecked(settings.value("midi/clock", false).toBool());
    m_playThrough->setChecked(settings.value("midi/playThrough", true).toBool());
    layout->addWidget(midi);
    listPorts();
    select(m_output, settings.value("midi/output").toString());
    select(m_input, settings.value("midi/input").toString());
    connect(m_api, &QComboBox::currentIndexChanged, this, &PreferencesDialog::listPorts);

    auto* model = new QGroupBox(tr("Language model (chat)"), this);
    auto* modelForm = new QFormLayout(model);
    m_llmProvider->addItem(
        tr("OpenAI-compatible (OpenAI, LM Studio, llama.cpp, vLLM, OpenRouter, Ollama /v1)"),
        QStringLiteral("openai"));
    m_llmProvider->addItem(tr("Anthropic"), QStringLiteral("anthropic"));
    m_llmProvider->addItem(tr("Ollama (native API)"), QStringLiteral("ollama"));
    modelForm->addRow(tr("Provider"), m_llmProvider);
    modelForm->addRow(tr("Base URL"), m_llmBaseUrl);
    modelForm->addRow(tr("Model"), m_llmModel);
    m_llmKeyEnv->setToolTip(tr("The environment variable that holds the API key. The key itself is "
                               "never saved by Pianola."));
    modelForm->addRow(tr("API key variable"), m_llmKeyEnv);
    m_llmKey->setEchoMode(QLineEdit::Password);
    m_llmKey->setObjectName("apiKey");
    m_llmKey->setPlaceholderText(engine::llm::Keychain::compiledIn()
                                     ? tr("Type a key to store it in the system keychain")
                                     : tr("No keychain support in this build: use the variable"));
    m_llmKey->setEnabled(engine::llm::Keychain::compiledIn());
    modelForm->addRow(tr("API key"), m_llmKey);
    m_keyStatus->setObjectName("keyStatus");
    m_keyStatus->setWordWrap(true);
    modelForm->addRow(QString(), m_keyStatus);
    m_test->setObjectName("testConnection");
    m_test->setToolTip(
        tr("Asks the server for its models with these settings (nothing is generated)"));
    m_testResult->setObjectName("connectionResult");
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modelForm->addRow(m_test, m_testResult);
    connect(m_test, &QPushButton::clicked, this, &PreferencesDialog::testConnection);
    connect(m_connection, &engine::llm::ConnectionTest::succeeded, this,
            [this](const QStringList& models) {
                m_test->setEnabled(true);
                m_testResult->setStyleSheet(QString());
                m_testResult->setText(
                    models.isEmpty()
                        ? tr("Connected; the server lists no models.")
                        : tr("Connected. Models: %1").arg(models.join(QStringLiteral(", "))));
                if (m_llmModel->text().trimmed().isEmpty() && !models.isEmpty())
                    m_llmModel->setText(models.front());
            });
    connect(m_connection, &engine::llm::ConnectionTest::failed, this,
            [this](const QString& sentence) {
                m_test->setEnabled(true);
                m_testResult->setStyleSheet(QStringLiteral("color: #c62828;"));
                m_testResult->setText(sentence);
            });
    m_llmMode->addItem(
        tr("Brief: the model describes, the built-in generator writes the notes (robust)"),
        QStringLiteral("brief"));
    m_llmMode->addItem(tr("Notes: the model writes every note (validated)"),
                       QStringLiteral("notes"));
    select(m_llmMode, settings.value("llm/mode", QStringLiteral("brief")).toString());
    modelForm->addRow(tr("Mode"), m_llmMode);
    layout->addWidget(model);
    select(m_llmProvider, settings.value("llm/provider").toString());
    loadModelSettings();
    connect(m_llmProvider, &QComboBox::currentIndexChanged, this, [this] {
        storeModelSettings();
        loadModelSettings();
        m_llmTouched = true;
    });
    for (QLineEdit* field : {m_llmBaseUrl, m_llmModel, m_llmKeyEnv, m_llmKey})
        connect(field, &QLineEdit::textEdited, this, [this] {
            m_llmTouched = true;
            showKeyStatus();
        });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString PreferencesDialog::enteredKey() const
{
    return m_llmKey->text().trimmed();
}

void PreferencesDialog::loadModelSettings()
{
    m_llmKey->clear(); // a key typed for one provider is not offered to another
    m_llmShown = m_llmProvider->currentData().toString();
    const engine::llm::ProviderConfig config = ChatController::providerConfig(m_llmShown);
    m_llmBaseUrl->setText(config.baseUrl);
    m_llmModel->setText(config.model);
    m_llmKeyEnv->setText(engine::llm::keyEnvName(config));
    m_llmKeyEnv->setEnabled(config.kind != engine::llm::ProviderKind::Ollama);
    m_testResult->clear();
    showKeyStatus();
}

engine::llm::ProviderConfig PreferencesDialog::shownConfig() const
{
    engine::llm::ProviderConfig config = ChatController::providerConfig(m_llmShown);
    config.baseUrl = m_llmBaseUrl->text().trimmed();
    config.model = m_llmModel->text().trimmed();
    config.apiKeyEnv = m_llmKeyEnv->text().trimmed();
    return config;
}

// Where the key comes from, never the key: the variable (set or not), else the keychain.
void PreferencesDialog::showKeyStatus()
{
    namespace llm = engine::llm;
    const llm::ProviderConfig config = shownConfig();
    if (config.kind == llm::ProviderKind::Ollama) {
        m_keyStatus->setText(tr("Ollama needs no key."));
        return;
    }
    const QString env = llm::keyEnvName(config);
    const bool envSet =
        !env.isEmpty() && !qEnvironmentVariableIsEmpty(env.toLocal8Bit().constData());
    const bool stored = !envSet && m_keys && !m_keys->apiKey(config).isEmpty();
    m_keyStatus->setText(!m_llmKey->text().trimmed().isEmpty()
                             ? tr("The key typed above will be stored in the system keychain.")
                         : envSet ? tr("Key: $%1 is set.").arg(env)
                         : stored
                             ? tr("Key: $%1 is not set; a key is in the system keychain.").arg(env)
                             : tr("No key: $%1 is not set and the keychain holds none.").arg(env));
}

void PreferencesDialog::testConnection()
{
    const engine::llm::ProviderConfig config = shownConfig();
    QString key = m_llmKey->text().trimmed();
    if (key.isEmpty() && m_keys) key = m_keys->apiKey(config);
    m_llmTouched = true;
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Asking %1...").arg(config.baseUrl));
    m_connection->start(config, key);
}

void PreferencesDialog::storeModelSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("llm/") + m_llmShown);
    settings.setValue("baseUrl", m_llmBaseUrl->text().trimmed());
    settings.setValue("model", m_llmModel->text().trimmed());
    settings.setValue("apiKeyEnv", m_llmKeyEnv->text().trimmed());
}

void PreferencesDialog::listPorts()
{
    const QString out = m_output->currentData().toString(), in = m_input->currentData().toString();
    m_output->clear();
    m_input->clear();
    m_output->addItem(tr("Built-in synth (FluidSynth)"), QString());
    m_output->addItem(tr("Virtual port \"Pianola\""), QStringLiteral("virtual"));
    m_input->addItem(tr("None"), QString());
    m_input->addItem(tr("Virtual port \"Pianola In\""), QStringLiteral("virtual"));
    const QString api = m_api->currentData().toString();
    std::vector<engine::MidiPort> ports;
    if (api.isEmpty())
        ports = engine::listAllMidiPorts().ports;
    else if (auto listed = engine::listMidiPorts(api.toStdString()))
        ports = *listed;
    for (const engine::MidiPort& p : ports) {
        const QString name = QString::fromStdString(p.name);
        if (name.startsWith(QLatin1String("Pianola"))) continue; // our own ports
        (p.output ? m_output : m_input)
            ->addItem(QStringLiteral("%1: %2").arg(QString::fromStdString(p.apiDisplayName), name),
                      name);
    }
    select(m_output, out);
    select(m_input, in);
}

PreferencesDialog::Changes PreferencesDialog::save() const
{
    QSettings settings;
    Changes changes;
    auto put = [&](const char* key, const QVariant& value, bool& changed) {
        if (settings.value(key) != value) {
            settings.setValue(key, value);
            changed = true;
        }
    };
    put("audio/soundFont", m_soundFont->text().trimmed(), changes.sound);
    put("audio/driver", m_driver->currentData(), changes.sound);
    put("audio/sampleRate", m_rate->currentData(), changes.sound);
    put("midi/api", m_api->currentData(), changes.midi);
    put("midi/output", m_output->currentData(), changes.midi);
    put("midi/clock", m_clock->isChecked(), changes.midi);
    put("midi/input", m_input->currentData(), changes.midi);
    bool ignored = false;
    put("midi/playThrough", m_playThrough->isChecked(), ignored); // read per message
    put("llm/mode", m_llmMode->currentData(), ignored);           // read per request
    storeModelSettings();
    return changes;
}

} // namespace pianola::app
