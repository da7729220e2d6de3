<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutMeSection</name>
    <message>
        <source>About me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell Lantern a little about yourself. The tutor uses your interests in its examples; your goal and pace shape the plan on Home. Only you can see this: it is kept in your locked profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. football, horses, space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My interests, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. get ready for the test on Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills my goal is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow: small steps, more practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast: new things sooner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save About me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear my chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes everything you asked the tutor, in every subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About me message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My interests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is about:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to tell Lantern about yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to {count} interests, please: choose your favourites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep each interest short (up to {count} letters), with commas between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Tick the skills your goal is about, so the plan on Home can help you reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete everything you asked the tutor, in every subject? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chats with the tutor are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <source>Answers per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers per day, {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Avatars</name>
    <message>
        <source>Fox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turtle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message from Lantern</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BubbleDelegate</name>
    <message>
        <source>Still thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your lessons (click to open):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new passphrase for {name}. Your work is locked again under a new key, so the old passphrase stops working, even for someone who saw it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locking your work under the new passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassKeyDialog</name>
    <message>
        <source>Class recovery key (for teachers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create it once for your class. Profiles made (or signed in to) afterwards can be reset with it. Keep the exported file and your passphrase safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a file on your USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current teacher passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer already has a class key. A new one replaces it (and the teacher passphrase); learners move to the new key the next time they sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a copy to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the class recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Content</name>
    <message>
        <source>Reading the questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Content packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each pack is one subject: lessons, skills and questions. Import a pack folder or a .zip file that a teacher made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import pack folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import pack .zip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import quiz file… (Moodle XML, GIFT, Aiken, Anki, CSV, QTI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content packs on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits — {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some packs could not be read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: ask the author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz file did not say under which licence its questions may be shared. Using them in your own class is usually fine; before you give the pack to others, ask whoever wrote the questions, then set the licence in the pack&apos;s pack.toml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a pack folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a pack .zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content packs (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a quiz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quizzes (*.xml *.gift *.txt *.apkg *.colpkg *.anki2 *.anki21 *.csv *.tsv *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiple answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numeric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question could be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported 1 question ({kinds}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {count} questions ({kinds}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped {count}: see the list below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed “{title}” {version}: {skills} skills, {lessons} lessons, {questions} questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It replaces version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems to fix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{title}” from this computer? Learners&apos; progress is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packs that come with Lantern cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped {kind} at {where}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped {kind}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {problem} Fix: {fix}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Only a teacher can change the tutor&apos;s model or where its answers come from. Ask your teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor uses {summary}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor&apos;s model is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor&apos;s model is starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern has not measured this laptop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutor answers come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tutor server on the school network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the server&apos;s model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring how fast this laptop writes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. The server answers with the model {model}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the server&apos;s address first, for example http://192.168.1.20:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Lantern uses this the next time it starts; if the server cannot be reached then, the tutor answers from this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{message} {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so Lantern could not save. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Lantern. Please try again; if it keeps happening, ask your teacher and show them the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model file is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher to install the models: run `python -m inference fetch` in the Lantern folder, or reinstall Lantern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher to run `python -m inference fetch` again to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough memory for the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close other programs and try again, or ask your teacher for a smaller model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen device cannot run the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &apos;CPU&apos; in Settings, or ask your teacher to install the GPU support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file may not be a model Lantern can use. Ask your teacher to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong with the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart Lantern. If it happens again, ask your teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FactorsPanel</name>
    <message>
        <source>How much this counted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>Reviews due: today (with overdue) and the next 13 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Grading</name>
    <message>
        <source>Pick one of the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick at least one answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} right answer not picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} right answers not picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} picked answer is not right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} picked answers are not right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite: {first} and {second}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite: {first}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every item in the list in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite: {n} items are not in their place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose True or False.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HardwareFit</name>
    <message>
        <source>the standard tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the school server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop writes about 1 word a second with {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop writes about {words} words a second with {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is slow for a lesson: consider pointing the tutor at a school server below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is fast enough for the tutor to feel quick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{speed} {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The standard tutor ({wanted}) needs about {need:,} MB of memory but only {free:,} MB was free, so Lantern uses the smaller {label}. A teacher can choose another model below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its graphics card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{threads} CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total:,} MB memory ({free:,} MB free) · CPU features: {features} · GPU: {gpu} · runs on {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of AVX2/NEON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · too large for this laptop: {models}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to learn yet. Ask your teacher to add a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here is what to do next. Press “Why this?” to see why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have done everything for now. Well done! Come back tomorrow for a review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>“{pack_id}” cannot be a pack id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use lowercase letters, digits and &apos;-&apos; only, e.g. “fractions-quiz”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read as an Anki deck ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the deck from Anki again (File → Export).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is a zip file but not an Anki deck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Anki, use File → Export → Anki Deck Package (.apkg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” unpacks to more than {mb} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a deck Lantern can import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is damaged or not an Anki collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the deck from Anki again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the quiz again from Moodle (Question bank → Export → Moodle XML format).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is XML but not a Moodle quiz (no &lt;quiz&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the quiz from Moodle in Moodle XML format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the item again from your QTI editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moodle GIFT (.gift, .txt), Moodle XML (.xml), QTI 2 items (.xml) and content packages (.zip with imsmanifest.xml), Aiken (.txt), Anki decks (.apkg, or notes exported as plain text) and spreadsheets (.csv: question, answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern imports {formats}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file “{path}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the name and the folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the file is not open elsewhere and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the exported quiz file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is XML but not a Moodle XML quiz or QTI item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern cannot tell what kind of quiz “{name}” is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern imports {formats}. Export the quiz from Moodle or Anki in one of these formats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern cannot tell what kind of quiz this text file is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not readable XML ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{folder}” already exists and is not empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new folder for the pack; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a content pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a pack folder (with pack.toml inside) or a .zip of one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the name and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” contains an unsafe file name ({member}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only use packs from people you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be opened ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the file again, or ask for a new copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is too big to be a content pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pack holds text and a few images; check you chose the right folder or file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a spreadsheet Lantern can read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it again from the spreadsheet program as CSV, with one question per row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was not installed: it has 1 problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was not installed: it has {count} problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix them in the pack and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the item bank again from your QTI editor as an IMS content package (.zip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read as a QTI content package ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has no imsmanifest.xml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of “{name}” lists no QTI items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of “{name}” is not readable XML ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSkip</name>
    <message>
        <source>multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lettered options (A), B), …) were found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ANSWER: line is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANSWER: {letter} names no option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flashcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {note}, card {card}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its note type is missing from the deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the note is longer than {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its card template is missing from the deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the front of the card is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the back of the card is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is a picture or sound: no automatic grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cloze has no deletion c{number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image occlusion: not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hidden part is a picture or sound: no automatic grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line needs a question and an answer separated by a tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {count} questions in one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a choice question needs at least two choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no choice is marked correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer gets full marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer “{answer}” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ordering question needs at least two items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two items read the same, or one is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spreadsheet row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it needs a question column and an answer column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question cell is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer cell is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is a picture: no automatic grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>essay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no automatic grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text only, not a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numerical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a true-false answer has at most two feedbacks (#…#…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer text “{text}” has no = or ~ before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one answer after “{marker}” is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has a “{close}” without a “{open}” before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its answers start with “{open}” but have no closing “{close}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has more than one answer block {block}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its title starts with “::” but does not end with “::”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%{value}%” is not a percentage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credit {value}% is not between -100% and 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a number, a number:tolerance or a low..high range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: a picture reference is damaged (“{name}”); it is shown as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draws from the Moodle question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded answers (Cloze)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported: several answers in one text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calculated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported: its numbers change on every attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag-and-drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select missing words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question {number} “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: the file “{name}” is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it needs a “true” and a “false” answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inline choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture hotspots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extended text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>associate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item does not give the right order of all its choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTI item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a QTI 2 item (&lt;{tag}&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its values change on every attempt: not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>randomised item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has no body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several answers in one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item does not say which answer is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: the picture “{name}” is on the internet; its description was kept instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest names a file the package does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable XML ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger than {size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged in the zip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{count} × {type}: {question} with the hidden words as blanks → question, the hidden words → answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} × {type}: {question} → question, {answer} → answer, {hint} → hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} × {type}: {question} → question, {answer} → answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (simplified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (traditional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{notes} notes → {questions} questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language detected: {language}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} media files are missing from the file (those pictures and sounds are not shown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} media file is missing from the file (that picture or sound is not shown).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnPage</name>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens practice questions about this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor writes five short points about this lesson, beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions here are about this lesson. Click an answer to see where in the lesson it came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher has turned off questions to the tutor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about this lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows or hides the tutor beside the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise this subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” has {count} questions but no lessons to read. Press “Practise this subject” to answer them: the tutor beside each question helps with hints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a lesson from the list to start reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no lessons yet. Ask your teacher to add a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary: {lesson}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockedNote</name>
    <message>
        <source>Teacher: unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher: set up teacher mode…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lantern — your offline tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s plan: what to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer questions, get hints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask questions about your lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See how you are doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size, colours, idle lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor&apos;s model, device and threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For teachers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For teachers: subjects, the tutor&apos;s AI policy, class summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher set up a new class key on this laptop and signed it with the old one. Your teacher can still reset your passphrase if you forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher key on this laptop is not the one your profile trusts, and your teacher did not sign the change. Your profile was not handed to it, and the tutor follows its most careful settings for now. Please tell your teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the tutor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor can&apos;t answer questions right now. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MasteryChart</name>
    <message>
        <source>Mastery per skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{skill}: {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>There is no file at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the USB stick is plugged in and pick the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a model Lantern can use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern takes GGUF files (chat models for llama.cpp, e.g. &apos;…Q4_K_M.gguf&apos;) and ONNX files (embedding models, with their tokenizer.json beside them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} has no tokenizer.json beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the model&apos;s tokenizer.json into the same folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is incomplete: the file ends before the model does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the file again (wait until the copy has finished before removing the USB stick), then add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged or not an ONNX model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the model file again from where you got it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} needs about {need} MB of memory, but this laptop has only {free} MB free, so it was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a smaller model (a 4-bit &apos;Q4&apos; file of at most about {size} MB), or close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is already added, as {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose {id} in the list and press &apos;Use this model&apos; (or run `models use {id}`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying {file} did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check there is enough free disk space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} loaded but wrote nothing when tried.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelStatus</name>
    <message>
        <source>{name} · {device} · {threads} threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · GPU ({layers} layers) · {threads} threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · CPU (GPU fell back to CPU) · {threads} threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the tutor model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the search model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelStatusBar</name>
    <message>
        <source>Tutor model and device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search model and device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsSection</name>
    <message>
        <source>Tutor models (teacher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutor model to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the previous one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models (*.gguf *.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name}. Choose it above and press &apos;Use this model&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched to {id}. Lantern uses it the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewProfileDialog</name>
    <message>
        <source>A new profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname (not your full name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you know it. If you forget it, your teacher can give you a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose a nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making your profile…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderInput</name>
    <message>
        <source>Items to put in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put these in order: first at the top.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackCheck</name>
    <message>
        <source>This line is not valid TOML ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check quotes, commas and brackets: text goes in &quot;double quotes&quot;, lists in [square brackets], and each key appears once per table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists or tables in this file are nested more than {depth} levels deep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pack file nests at most a few levels ([[questions]] with a list of choices); check the file was not damaged or generated by mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it, or use one of: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” is not a field Lantern knows, so it would be ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a line {key} = {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be non-empty text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it in double quotes: {key} = {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be a list of texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it like {key} = {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a line {key} = a whole number from {low} to {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be a whole number from {low} to {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write {key} = true or {key} = false (no quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be a number of zero or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it like {key} = 0.01 (no quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{key}” must be a list of tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each one under a [[...{key}]] header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson does not start with a +++ line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begin the file with a front matter block: a +++ line, id = &quot;…&quot;, title = &quot;…&quot;, skills = [&quot;…&quot;], then another +++ line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front matter block is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a line with just +++ after the last front matter line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: the lesson has no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the lesson below the closing +++ line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add skills = [&quot;…&quot;] with the ids of the skills this lesson teaches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not saved as UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it in a text editor and save it with UTF-8 encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pack has no pack.toml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a pack.toml with the pack&apos;s id, version and title in the pack&apos;s top folder (see docs/content-packs.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use lowercase letters, digits and &apos;-&apos; only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a semantic version: three numbers like 1.0.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a valid {key}: {rule}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pack has no skills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one skill under a [[skills]] header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The skill at line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are no questions in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add questions under [[questions]] headers, or delete the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question “{id}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question at line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{kind}” is not a question type Lantern knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has {count} hints; a hint ladder has exactly three.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give three hints (a nudge, a scaffold, a worked step) or none at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of the hints is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write something in every hint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}, choice {index}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a choice question needs at least two choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add choices under [[questions.choices]] headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has {count} correct choices; multiple choice needs exactly one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set correct = true on one choice only, or use type = &quot;multiple_answer&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no correct choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set correct = true on every right choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer “{answer}” is not a number Lantern can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a whole number, a decimal, a fraction or a percentage, e.g. &quot;3&quot;, &quot;0.75&quot;, &quot;3/4&quot;, &quot;1 1/2&quot; or &quot;75%&quot;. Put units in unit = &quot;cm&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no reference answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add answers = [&quot;a model answer&quot;] with at least one answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of the keywords is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each keyword as a word or phrase; separate alternatives with &quot;|&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The skill id “{id}” is used twice (first at {where}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every skill its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson id “{id}” is used twice (first at {where}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every lesson its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question id “{id}” is used twice (first at {where}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every question its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} refers to the unknown skill “{ref}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the id of a skill that exists in the pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} refers to the unknown lesson “{ref}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the id of a lesson that exists in the pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fix} Did you mean “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prerequisites go round in a circle: {cycle}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one of these prerequisites, e.g. “{child}” from skill “{node}”: a skill cannot (indirectly) require itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture “{name}” is not in the pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the file to the pack&apos;s media folder, or fix the file name (names are case-sensitive).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Too short: use at least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too easy to guess. Try three or four words you will remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still easy to guess: avoid common passwords, keyboard rows and repeats. Add another word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Okay. One more word makes it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: {suggestion}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose a nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use a nickname of at most {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone on this computer already uses that nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Learners may ask the tutor free questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer only from the learner&apos;s lessons (otherwise: &quot;ask your teacher&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> wrong attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer in practice after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest tutor answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutor answers in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor never gives the answer away during practice until the number of wrong attempts below allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern is using the most careful teacher settings: {reason} Check the settings below; what you change here is signed and saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks your answer and says how you did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows a hint; each press gives more help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes on to the next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck? Press Hint, or ask about this question here. The tutor won&apos;t tell you the answer, but it helps you find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher has turned off questions to the tutor. Hint still helps you with this question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about this question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose something to practise on the Home screen, or open a lesson in Learn and press “Practise this lesson”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right! Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked solution: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaffold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worked step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint {n} of {total} · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more hints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was the last hint: the worked step. Ask the tutor about this question, or try the next one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Your progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose figures the charts show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer a question to start a streak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report for my teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows a report of your progress that you can save for your teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No streak right now — best 1 day. Answer a question today!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No streak right now — best {best} days. Answer a question today!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak: 1 day in a row (best {best})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak: {days} days in a row (best {best})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendationCard</name>
    <message>
        <source>Why this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows what this suggestion is based on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <source>One of your goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gentle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leads to {skill}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{goal}”: {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prerequisites mastered ({skills})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prerequisites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {lesson} — you&apos;ve mastered what it builds on ({skills})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {lesson} — it needs nothing you haven&apos;t done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try {skill} — new questions, and you&apos;ve mastered what they build on ({skills})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try {skill} — questions you haven&apos;t tried yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} answers so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise {skill} — mastery {mastery}, your weakest unlocked skill, last practised {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise {skill} — mastery {mastery}, last practised {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>harder questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenge: harder questions on {skill} — mastery {mastery}, {right} of your last {total} right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenge: harder questions on {skill} — mastery {mastery}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review {skill} — predicted recall {recall}, last practised {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Forgot your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher. With the class recovery key they can give {name} a new passphrase. They can&apos;t see your work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurePreview</name>
    <message>
        <source>In a class round, this learner&apos;s summary of the week is added to those of the other laptops in class {name}. It leaves this laptop masked with random numbers that cancel out only when all the laptops&apos; numbers are added up, so the hub learns the class total and nothing else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the teacher will see, for each skill: the share of the class at each mastery level (not yet, developing, secure, mastered), how many practised, and the class&apos;s share of right answers. Each figure is blurred once for the whole class: for a class of {n}, a count of learners is within about ±{half} of the truth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What nobody can see: this learner&apos;s own mastery levels, answers, times or name. Not the hub, not the teacher, not the other laptops. To uncover one laptop&apos;s summary, the hub would need the help of two thirds of the laptops in the round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy: each laptop adds a slice of random noise, so the class total is blurred as if once, centrally: ε = {epsilon} and δ = {delta} for the whole week (the published bound of the distributed Skellam mechanism). This spends the learner&apos;s weekly privacy budget; the week cannot also be sent as a per-learner summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this laptop sends: in step 1 two public keys; in step 2 {size} masked numbers that look random, and sealed pieces of a secret for the other laptops; in step 3 the pieces that let the hub remove the masks of laptops that dropped out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurePreviewDialog</name>
    <message>
        <source>Class rounds: what is shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecureRound</name>
    <message>
        <source>The class round for {week} is finished; this laptop&apos;s round secrets are erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class round for {week} was stopped at the hub; this laptop&apos;s round secrets are erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop is not in the class round for {week} (it sent its keys too late, or has other subjects installed). Its figures for that week can still go out as a per-learner summary: press “Send last week now”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures for {week} have already left this laptop as a per-learner summary, so it does not join that week&apos;s class round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 1 for {week}: this laptop&apos;s round keys are ready for the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class round for {week} asks for ε = {asked}, more than this learner&apos;s weekly budget ({budget}); this laptop does not take part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2 for {week}: this laptop&apos;s masked summary is ready for the hub (privacy ε = {epsilon} of this week&apos;s budget is spent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop missed step 2 of the class round for {week}; the class figures will be without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub did not count this laptop&apos;s summary for {week} in time, so it reveals nothing for that round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3 for {week}: the answer that lets the hub finish the class sum is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school hub refused to show this laptop its class rounds. Connect this laptop to the hub again in the sync settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is off for this learner: turn it on first to take part in class rounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Lantern round file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no round file for the class {name} on this stick. At the hub, download the class&apos;s round file onto the stick first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecureRoundBox</name>
    <message>
        <source>Class rounds (secure aggregation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class&apos;s figures are added up with every laptop&apos;s summary masked, and the privacy noise is added once for the whole class, so the teacher&apos;s figures are far sharper. Each round has three steps; the hub&apos;s class page says which one is open. Press the button once per step on every laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a USB stick: on the hub&apos;s teacher page, download the class&apos;s round file onto the stick; carry it to the class and press “Class round with USB stick…” on every laptop; carry the stick back and import its answer files on the teacher page (or with lantern-hub import). That is one trip per step; step 3 of one week can travel with step 1 of the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class round: next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class round with USB stick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working on the class round…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {file} to the stick: take it back to the hub and import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub refused an answer: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do: no class round is waiting for this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school hub could not be reached. Check that this laptop is on the school network, then press the button again; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Lantern will use this language the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out after this long without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out when idle for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change works now but could not be saved for next time. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Become the teacher of this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No teacher has set up this laptop yet. The person who sets the teacher passphrase becomes the teacher of this laptop: only they can change the subjects, the tutor&apos;s AI policy, the models and class summaries, and reset a learner&apos;s forgotten passphrase. If you are a learner, press Cancel and ask your teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the teacher passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Profiles on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the automatic backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m new here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teachers: class recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who&apos;s learning today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name, then type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet. Press “I&apos;m new here” to make yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your backup is back in place. Type your passphrase to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher gave you a new passphrase. Sign in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase is changed. Sign in with the new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Nobody is signed in, so this answer could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, then try the question again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first, then export your backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is open in another Lantern window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the other window, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern can&apos;t open this profile&apos;s file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher to check that Lantern&apos;s data folder can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, ask your teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it and try again, or ask your teacher to reset it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase doesn&apos;t match this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This keeps your profile safe from guessing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passphrases. Please wait {seconds} seconds and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher to check that Lantern&apos;s data folder can be written to. Until then nothing can be unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern can&apos;t record passphrase tries on this computer, so it won&apos;t check any passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least 8 characters, for example three words you will remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name from the list, or ask your teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern kept an automatic backup from your last session: restore it to carry on (answers since then are lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher to import a backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile&apos;s saved work is damaged and can&apos;t be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was half-saved. Free some space on the disk (or ask your teacher), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so Lantern could not save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the teacher recovery file and the teacher passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup file that Lantern made with &apos;Export backup&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern can&apos;t read its list of profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your teacher: the file profiles.json may be damaged. The profiles themselves are safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That profile is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That teacher passphrase doesn&apos;t match this recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is already on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it first, or choose to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That backup file is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That file is not a Lantern profile backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it and try again. Learners can&apos;t open teacher mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not this laptop&apos;s teacher passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher mode stays locked. Copy the class recovery key from your USB stick back with `python -m app teacher install-key FILE`, or set a new one with `python -m app teacher set-passphrase --replace`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern can&apos;t read this laptop&apos;s teacher passphrase file ({file}): it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock teacher mode with it, or change it from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop already has a teacher passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: this belongs to a learner&apos;s profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthLabel</name>
    <message>
        <source>Tip: three or four words you will remember, like “{example}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectsPage</name>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no subjects yet. Ask your teacher to add a content pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects you can learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {subject}, {language} · 1 lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {subject}, {language} · {count} lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This learner&apos;s privacy budget for {week} is used up: {spent} of {budget} is spent and this send needs {asked}. Nothing was sent. The figures can be sent again next week, or a teacher can raise the weekly budget in the sync settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not an enrolment file from the school hub. Ask the teacher for the file `lantern-hub enrol-file` wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school hub refused the summary (HTTP {status}: {reply}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} is not there. Plug in the USB stick and choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop is not connected to a school hub yet. In the sync settings, type the hub&apos;s address and the enrolment code from the teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy setting ε must be between {low} and {high} (it was {value}). Choose a value in that range in the sync settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to send: no skills were given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPreview</name>
    <message>
        <source>One anonymous summary for the week {week}. It has a random number ({id}…) instead of a name, and no date or time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every number has been blurred with random noise on this laptop (privacy setting ε = {epsilon}), so nobody can tell what this learner did; only totals over many learners mean something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill “{skill}”: questions tried, right answers, minutes and mastery level, each only as a blurred number (here {attempts}, {correct} and {minutes}; blurred numbers can be negative or far too big).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before blurring, the numbers are capped: {ranges}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPreviewDialog</name>
    <message>
        <source>What will be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is everything that will leave this laptop for the class {name}&apos;s hub. Nothing else is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact data (it is signed, so it cannot be changed on the way):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <source>Share anonymous weekly class summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy setting ε per week: smaller hides more, larger gives the teacher clearer figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use enrolment file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send last week now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to USB stick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy (ε per week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School hub address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is off: nothing leaves this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-time code from the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the hub&apos;s address and the enrolment code the teacher gave you, then press Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to class {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing last week&apos;s summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub could not be reached. The summary is kept safe on this laptop and will be sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {n} summary(ies) to the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing waiting to be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {n} summary(ies) to {file}. Take the stick to the hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncTransport</name>
    <message>
        <source>Could not reach the school hub at {hub}. Check the address and that this laptop is on the school network, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub did not accept that enrolment code. Each code works once and expires; check it, or ask the teacher for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {hub} did not answer like a Lantern school hub. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeacherPage</name>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These pages are for teachers: the subjects on this laptop, what the tutor may do, and class summaries. Ask your teacher to unlock them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave teacher mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For teachers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class summaries belong to a learner profile: they appear here once a learner has signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher mode is on. Leave it before you hand the laptop back to a learner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a learner profile to see its class summaries.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeacherReportDialog</name>
    <message>
        <source>Report for my teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what your teacher will see. Read it first; then save it as a PDF or a spreadsheet (CSV) and give them the file. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing your report… Stop ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Close this and press the button again to write the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{learner} — {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by the tutor&apos;s model from the figures below, and checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by Lantern from the figures below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery per skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity (last 7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved there. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeacherSettings</name>
    <message>
        <source>The teacher settings were changed outside teacher mode (they are not signed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher settings file was edited after the teacher saved it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher settings were signed by another class key than this laptop&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher settings are signed, but this laptop&apos;s class key is missing or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model in use was switched outside teacher mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop&apos;s class key is not the one your profile trusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This class key can&apos;t sign settings yet: unlock teacher mode once to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <source>Type a number, like 3/4 or 0.75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your answer in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrueFalseInput</name>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tutor</name>
    <message>
        <source>I can&apos;t help with that here. Let&apos;s get back to your lesson — and if something is worrying you, please talk to your teacher or a grown-up you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I couldn&apos;t find that in your lessons, so I&apos;d rather not guess. Try asking your teacher!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher has turned off free questions. Use Hint while you practise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TutorPanel</name>
    <message>
        <source>Tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about your lessons. The tutor answers from them and shows where it found the answer. It runs on this laptop: nothing you type leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutor is thinking… Stop (Esc) ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher has turned off questions to the tutor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject the tutor answers from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation with the tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter on an answer to open the lesson it cites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a question, e.g. What is a fraction?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the tutor&apos;s answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Teacher mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type this laptop&apos;s teacher passphrase. Teacher mode stays on until you leave it, sign out, or stop using Lantern for a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the teacher passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
