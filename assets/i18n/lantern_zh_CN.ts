<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutMeSection</name>
    <message>
        <source>About me</source>
        <translation>关于我</translation>
    </message>
    <message>
        <source>Tell Lantern a little about yourself. The tutor uses your interests in its examples; your goal and pace shape the plan on Home. Only you can see this: it is kept in your locked profile.</source>
        <translation>向 Lantern 介绍一下你自己。AI 老师举例时会用到你的兴趣；你的目标和学习节奏会影响首页的学习计划。只有你能看到这些内容：它们保存在你加密的个人档案里。</translation>
    </message>
    <message>
        <source>e.g. football, horses, space</source>
        <translation>例如：足球、马、太空</translation>
    </message>
    <message>
        <source>My interests, separated by commas</source>
        <translation>我的兴趣，用逗号分开</translation>
    </message>
    <message>
        <source>e.g. get ready for the test on Friday</source>
        <translation>例如：为周五的测验做准备</translation>
    </message>
    <message>
        <source>My goal</source>
        <translation>我的目标</translation>
    </message>
    <message>
        <source>Skills my goal is about</source>
        <translation>我的目标涉及的技能</translation>
    </message>
    <message>
        <source>Slow: small steps, more practice</source>
        <translation>慢：小步前进，多练习</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>稳步</translation>
    </message>
    <message>
        <source>Fast: new things sooner</source>
        <translation>快：更早学新内容</translation>
    </message>
    <message>
        <source>My pace</source>
        <translation>我的学习节奏</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save About me</source>
        <translation>保存“关于我”</translation>
    </message>
    <message>
        <source>Clear my chats</source>
        <translation>清除我的聊天记录</translation>
    </message>
    <message>
        <source>Deletes everything you asked the tutor, in every subject</source>
        <translation>删除你在所有科目里问过 AI 老师的全部内容</translation>
    </message>
    <message>
        <source>About me message</source>
        <translation>“关于我”提示</translation>
    </message>
    <message>
        <source>My interests:</source>
        <translation>我的兴趣：</translation>
    </message>
    <message>
        <source>My goal:</source>
        <translation>我的目标：</translation>
    </message>
    <message>
        <source>It is about:</source>
        <translation>涉及的技能：</translation>
    </message>
    <message>
        <source>My pace:</source>
        <translation>我的学习节奏：</translation>
    </message>
    <message>
        <source>Sign in to tell Lantern about yourself.</source>
        <translation>登录后才能向 Lantern 介绍你自己。</translation>
    </message>
    <message>
        <source>Up to {count} interests, please: choose your favourites.</source>
        <translation>最多填写 {count} 个兴趣，请选出你最喜欢的。</translation>
    </message>
    <message>
        <source>Keep each interest short (up to {count} letters), with commas between them.</source>
        <translation>每个兴趣请写短一些（最多 {count} 个字），兴趣之间用逗号分开。</translation>
    </message>
    <message>
        <source>Saved. Tick the skills your goal is about, so the plan on Home can help you reach it.</source>
        <translation>已保存。请勾选你的目标涉及的技能，这样首页的计划才能帮你实现目标。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete everything you asked the tutor, in every subject? This cannot be undone.</source>
        <translation>要删除你在所有科目里问过 AI 老师的全部内容吗？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Your chats with the tutor are deleted.</source>
        <translation>你和 AI 老师的聊天记录已删除。</translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <source>Answers per day</source>
        <translation>每天答题数</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>答对</translation>
    </message>
    <message>
        <source>Not yet right</source>
        <translation>还没答对</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Answers per day, {first} to {last}</source>
        <translation>每天答题数（{first}至{last}）</translation>
    </message>
</context>
<context>
    <name>Avatars</name>
    <message>
        <source>Fox</source>
        <translation>狐狸</translation>
    </message>
    <message>
        <source>Owl</source>
        <translation>猫头鹰</translation>
    </message>
    <message>
        <source>Turtle</source>
        <translation>乌龟</translation>
    </message>
    <message>
        <source>Whale</source>
        <translation>鲸鱼</translation>
    </message>
    <message>
        <source>Bee</source>
        <translation>蜜蜂</translation>
    </message>
    <message>
        <source>Rose</source>
        <translation>玫瑰</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message from Lantern</source>
        <translation>来自 Lantern 的消息</translation>
    </message>
</context>
<context>
    <name>BubbleDelegate</name>
    <message>
        <source>Still thinking…</source>
        <translation>还在想……</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>From your lessons (click to open):</source>
        <translation>出自你的课程（点击打开）：</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change your passphrase</source>
        <translation>更改你的密码</translation>
    </message>
    <message>
        <source>A new passphrase for {name}. Your work is locked again under a new key, so the old passphrase stops working, even for someone who saw it.</source>
        <translation>为 {name} 设置新密码。你的学习记录会用一把新密钥重新加密，所以旧密码从此失效，即使有人看到过它也没用。</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>再输一次新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation>两次输入的新密码不一样。</translation>
    </message>
    <message>
        <source>Locking your work under the new passphrase…</source>
        <translation>正在用新密码重新加密你的学习记录…</translation>
    </message>
</context>
<context>
    <name>ClassKeyDialog</name>
    <message>
        <source>Class recovery key (for teachers)</source>
        <translation>班级恢复密钥（老师用）</translation>
    </message>
    <message>
        <source>Create it once for your class. Profiles made (or signed in to) afterwards can be reset with it. Keep the exported file and your passphrase safe.</source>
        <translation>为你的班级创建一次即可。之后新建（或登录过）的学习档案都可以用它重设密码。请妥善保管导出的文件和你的密码。</translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation>老师密码</translation>
    </message>
    <message>
        <source>Teacher passphrase again</source>
        <translation>再输一次老师密码</translation>
    </message>
    <message>
        <source>Optional: a file on your USB stick</source>
        <translation>可选：保存到 U 盘上的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Current teacher passphrase</source>
        <translation>现在的老师密码</translation>
    </message>
    <message>
        <source>This computer already has a class key. A new one replaces it (and the teacher passphrase); learners move to the new key the next time they sign in.</source>
        <translation>这台电脑已经有班级密钥。新的密钥会替换它（也会替换老师密码）；学生下次登录时会改用新的密钥。</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Export a copy to</source>
        <translation>导出一份到</translation>
    </message>
    <message>
        <source>Export the class recovery key</source>
        <translation>导出班级恢复密钥</translation>
    </message>
    <message>
        <source>Recovery key (*.json)</source>
        <translation>恢复密钥 (*.json)</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation>正在创建密钥…</translation>
    </message>
</context>
<context>
    <name>Content</name>
    <message>
        <source>Reading the questions…</source>
        <translation>正在读取题目…</translation>
    </message>
    <message>
        <source>Reading the pack…</source>
        <translation>正在读取内容包…</translation>
    </message>
    <message>
        <source>Checking the pack…</source>
        <translation>正在检查内容包…</translation>
    </message>
    <message>
        <source>Copying the pack…</source>
        <translation>正在复制内容包…</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Content packs</source>
        <translation>内容包</translation>
    </message>
    <message>
        <source>Each pack is one subject: lessons, skills and questions. Import a pack folder or a .zip file that a teacher made.</source>
        <translation>每个内容包是一个科目：包括课文、知识点和题目。可以导入老师制作的内容包文件夹或 .zip 文件。</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Problems found in the pack</source>
        <translation>内容包中发现的问题</translation>
    </message>
    <message>
        <source>Import pack folder…</source>
        <translation>导入内容包文件夹…</translation>
    </message>
    <message>
        <source>Import pack .zip…</source>
        <translation>导入课程包 .zip…</translation>
    </message>
    <message>
        <source>Import quiz file… (Moodle XML, GIFT, Aiken, Anki, CSV, QTI)</source>
        <translation>导入题库文件…（Moodle XML、GIFT、Aiken、Anki、CSV、QTI）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Content packs on this computer</source>
        <translation>这台电脑上的内容包</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>自带</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Credits — {lines}</source>
        <translation>致谢 — {lines}</translation>
    </message>
    <message>
        <source>Some packs could not be read:</source>
        <translation>有些内容包无法读取：</translation>
    </message>
    <message>
        <source>Unknown: ask the author</source>
        <translation>未注明：请问作者</translation>
    </message>
    <message>
        <source>The quiz file did not say under which licence its questions may be shared. Using them in your own class is usually fine; before you give the pack to others, ask whoever wrote the questions, then set the licence in the pack's pack.toml.</source>
        <translation>题库文件没有说明这些题目按什么许可协议分享。在自己班上使用通常没有问题；把课程包给别人之前，请先问问出题的人，再在课程包的 pack.toml 里写明许可协议。</translation>
    </message>
    <message>
        <source>Choose a pack folder</source>
        <translation>选择内容包文件夹</translation>
    </message>
    <message>
        <source>Choose a pack .zip file</source>
        <translation>选择课程包 .zip 文件</translation>
    </message>
    <message>
        <source>Content packs (*.zip);;All files (*)</source>
        <translation>课程包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a quiz file</source>
        <translation>选择题库文件</translation>
    </message>
    <message>
        <source>Quizzes (*.xml *.gift *.txt *.apkg *.colpkg *.anki2 *.anki21 *.csv *.tsv *.zip);;All files (*)</source>
        <translation>题库 (*.xml *.gift *.txt *.apkg *.colpkg *.anki2 *.anki21 *.csv *.tsv *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>没有导入：</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>multiple answer</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值题</translation>
    </message>
    <message>
        <source>short text</source>
        <translation>简答题</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{count} {kind}</source>
        <translation>{kind} {count} 道</translation>
    </message>
    <message>
        <source>No question could be imported.</source>
        <translation>没有可以导入的题目。</translation>
    </message>
    <message>
        <source>Imported 1 question ({kinds}).</source>
        <translation>导入了 1 道题（{kinds}）。</translation>
    </message>
    <message>
        <source>Imported {count} questions ({kinds}).</source>
        <translation>导入了 {count} 道题（{kinds}）。</translation>
    </message>
    <message>
        <source>Skipped {count}: see the list below.</source>
        <translation>跳过了 {count} 项，见下面的列表。</translation>
    </message>
    <message>
        <source>Installed “{title}” {version}: {skills} skills, {lessons} lessons, {questions} questions.</source>
        <translation>已安装“{title}” {version}：{skills} 个技能，{lessons} 节课，{questions} 道题。</translation>
    </message>
    <message>
        <source>It replaces version {version}.</source>
        <translation>它替换了 {version} 版。</translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation>导入失败了。</translation>
    </message>
    <message>
        <source>Problems to fix:</source>
        <translation>需要修改的问题：</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>已取消导入，没有任何改动。</translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation>删除内容包</translation>
    </message>
    <message>
        <source>Remove “{title}” from this computer? Learners' progress is kept.</source>
        <translation>要从这台电脑上删除“{title}”吗？学生的学习进度会保留。</translation>
    </message>
    <message>
        <source>Pack removed.</source>
        <translation>内容包已删除。</translation>
    </message>
    <message>
        <source>Packs that come with Lantern cannot be removed.</source>
        <translation>Lantern 自带的内容包不能删除。</translation>
    </message>
    <message>
        <source>ordering</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Skipped {kind} at {where}: {reason}</source>
        <translation>跳过了{where}的{kind}：{reason}</translation>
    </message>
    <message>
        <source>Skipped {kind}: {reason}</source>
        <translation>跳过了{kind}：{reason}</translation>
    </message>
    <message>
        <source>{where}: {problem} Fix: {fix}</source>
        <translation>{where}：{problem}修改方法：{fix}</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Only a teacher can change the tutor's model or where its answers come from. Ask your teacher.</source>
        <translation>只有老师可以更换 AI 老师的模型或回答的来源。请问你的老师。</translation>
    </message>
    <message>
        <source>The tutor uses {summary}.</source>
        <translation>AI 老师正在使用 {summary}。</translation>
    </message>
    <message>
        <source>The tutor's model is not available.</source>
        <translation>AI 老师的模型现在不能用。</translation>
    </message>
    <message>
        <source>The tutor's model is starting…</source>
        <translation>AI 老师的模型正在启动…</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>Lantern has not measured this laptop yet.</source>
        <translation>Lantern 还没有测试过这台电脑。</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>重新测试</translation>
    </message>
    <message>
        <source>Tutor answers come from</source>
        <translation>AI 老师的回答来自</translation>
    </message>
    <message>
        <source>A tutor server on the school network</source>
        <translation>学校网络上的 AI 老师服务器</translation>
    </message>
    <message>
        <source>(the server's model)</source>
        <translation>（服务器上的模型）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>Measuring how fast this laptop writes…</source>
        <translation>正在测试这台电脑的回答速度…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected. The server answers with the model {model}.</source>
        <translation>已连接。服务器使用模型 {model} 回答。</translation>
    </message>
    <message>
        <source>Type the server's address first, for example http://192.168.1.20:8080</source>
        <translation>请先输入服务器地址，例如 http://192.168.1.20:8080</translation>
    </message>
    <message>
        <source>Saved. Lantern uses this the next time it starts; if the server cannot be reached then, the tutor answers from this laptop.</source>
        <translation>已保存。Lantern 下次启动时生效；如果那时连不上服务器，AI 老师会在这台电脑上回答。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{message} {hint}</source>
        <translation>{message}{hint}</translation>
    </message>
    <message>
        <source>The disk is full, so Lantern could not save. Free some space and try again.</source>
        <translation>磁盘满了，Lantern 无法保存。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>Something went wrong inside Lantern. Please try again; if it keeps happening, ask your teacher and show them the details.</source>
        <translation>Lantern 内部出了点问题。请再试一次；如果一直这样，请告诉老师，并给老师看详细信息。</translation>
    </message>
    <message>
        <source>A model file is missing.</source>
        <translation>缺少一个模型文件。</translation>
    </message>
    <message>
        <source>Ask your teacher to install the models: run `python -m inference fetch` in the Lantern folder, or reinstall Lantern.</source>
        <translation>请老师安装模型：在 Lantern 文件夹里运行 `python -m inference fetch`，或者重新安装 Lantern。</translation>
    </message>
    <message>
        <source>A model file is damaged.</source>
        <translation>一个模型文件已损坏。</translation>
    </message>
    <message>
        <source>Ask your teacher to run `python -m inference fetch` again to replace it.</source>
        <translation>请老师再运行一次 `python -m inference fetch` 来替换它。</translation>
    </message>
    <message>
        <source>There is not enough memory for the model.</source>
        <translation>内存不够，无法运行模型。</translation>
    </message>
    <message>
        <source>Close other programs and try again, or ask your teacher for a smaller model.</source>
        <translation>关掉其他程序再试一次，或者请老师换一个更小的模型。</translation>
    </message>
    <message>
        <source>The chosen device cannot run the model.</source>
        <translation>所选的设备无法运行模型。</translation>
    </message>
    <message>
        <source>Choose 'CPU' in Settings, or ask your teacher to install the GPU support.</source>
        <translation>在“设置”里选择“CPU”，或者请老师安装 GPU 支持。</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>无法加载模型。</translation>
    </message>
    <message>
        <source>The file may not be a model Lantern can use. Ask your teacher to check it.</source>
        <translation>这个文件可能不是 Lantern 能用的模型。请老师检查一下。</translation>
    </message>
    <message>
        <source>Something went wrong with the model.</source>
        <translation>模型出了问题。</translation>
    </message>
    <message>
        <source>Restart Lantern. If it happens again, ask your teacher.</source>
        <translation>请重新启动 Lantern。如果再次出现，请告诉老师。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>FactorsPanel</name>
    <message>
        <source>How much this counted</source>
        <translation>这一项的影响有多大</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>Reviews due: today (with overdue) and the next 13 days</source>
        <translation>需要复习的次数：今天（含已过期的）和接下来 13 天</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>复习</translation>
    </message>
</context>
<context>
    <name>Grading</name>
    <message>
        <source>Pick one of the answers.</source>
        <translation>请选一个答案。</translation>
    </message>
    <message>
        <source>Pick at least one answer.</source>
        <translation>请至少选一个答案。</translation>
    </message>
    <message>
        <source>{n} right answer not picked</source>
        <translation>有 {n} 个正确答案没选</translation>
    </message>
    <message>
        <source>{n} right answers not picked</source>
        <translation>有 {n} 个正确答案没选</translation>
    </message>
    <message>
        <source>{n} picked answer is not right</source>
        <translation>选了 {n} 个不对的答案</translation>
    </message>
    <message>
        <source>{n} picked answers are not right</source>
        <translation>选了 {n} 个不对的答案</translation>
    </message>
    <message>
        <source>Not quite: {first} and {second}.</source>
        <translation>还差一点：{first}，还{second}。</translation>
    </message>
    <message>
        <source>Not quite: {first}.</source>
        <translation>还差一点：{first}。</translation>
    </message>
    <message>
        <source>Choose True or False.</source>
        <translation>请选择“对”或“错”。</translation>
    </message>
    <message>
        <source>Put every item in the list in order.</source>
        <translation>请把列表中的每一项都排好顺序。</translation>
    </message>
    <message>
        <source>Not quite: {n} items are not in their place.</source>
        <translation>还差一点：有 {n} 项不在正确的位置。</translation>
    </message>
</context>
<context>
    <name>HardwareFit</name>
    <message>
        <source>the standard tutor</source>
        <translation>标准 AI 老师</translation>
    </message>
    <message>
        <source>the school server</source>
        <translation>学校服务器</translation>
    </message>
    <message>
        <source>This laptop writes about 1 word a second with {label}.</source>
        <translation>使用{label}时，这台电脑每秒大约写 1 个词。</translation>
    </message>
    <message>
        <source>This laptop writes about {words} words a second with {label}.</source>
        <translation>使用{label}时，这台电脑每秒大约写 {words} 个词。</translation>
    </message>
    <message>
        <source>That is slow for a lesson: consider pointing the tutor at a school server below.</source>
        <translation>这对上课来说太慢了：可以考虑在下面让 AI 老师改用学校服务器。</translation>
    </message>
    <message>
        <source>That is fast enough for the tutor to feel quick.</source>
        <translation>这个速度足够让 AI 老师回答得很流畅。</translation>
    </message>
    <message>
        <source>{speed} {advice}</source>
        <translation>{speed}{advice}</translation>
    </message>
    <message>
        <source>The standard tutor ({wanted}) needs about {need:,} MB of memory but only {free:,} MB was free, so Lantern uses the smaller {label}. A teacher can choose another model below.</source>
        <translation>标准辅导模型（{wanted}）需要大约 {need:,} MB 内存，但当时只有 {free:,} MB 可用，所以 Lantern 使用较小的{label}。老师可以在下面选择其他模型。</translation>
    </message>
    <message>
        <source>its graphics card</source>
        <translation>显卡</translation>
    </message>
    <message>
        <source>{threads} CPU threads</source>
        <translation>{threads} 个 CPU 线程</translation>
    </message>
    <message>
        <source>{total:,} MB memory ({free:,} MB free) · CPU features: {features} · GPU: {gpu} · runs on {where}</source>
        <translation>内存 {total:,} MB（可用 {free:,} MB）· CPU 特性：{features} · GPU：{gpu} · 运行在{where}上</translation>
    </message>
    <message>
        <source>none of AVX2/NEON</source>
        <translation>不支持 AVX2/NEON</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> · too large for this laptop: {models}</source>
        <translation> · 对这台电脑来说太大：{models}</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today's plan</source>
        <translation>今天的计划</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>科目：</translation>
    </message>
    <message>
        <source>Loading your plan…</source>
        <translation>正在加载你的计划…</translation>
    </message>
    <message>
        <source>There is nothing to learn yet. Ask your teacher to add a subject.</source>
        <translation>现在还没有可以学的内容。请老师添加一个科目吧。</translation>
    </message>
    <message>
        <source>Here is what to do next. Press “Why this?” to see why.</source>
        <translation>接下来可以做这些。点“为什么？”看看原因。</translation>
    </message>
    <message>
        <source>You have done everything for now. Well done! Come back tomorrow for a review.</source>
        <translation>今天的任务全部完成了，真棒！明天再来复习吧。</translation>
    </message>
    <message>
        <source>Start: {title}</source>
        <translation>开始：{title}</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>“{pack_id}” cannot be a pack id.</source>
        <translation>“{pack_id}”不能用作资料包的编号。</translation>
    </message>
    <message>
        <source>Use lowercase letters, digits and '-' only, e.g. “fractions-quiz”.</source>
        <translation>只能用小写字母、数字和“-”，例如“fractions-quiz”。</translation>
    </message>
    <message>
        <source>“{name}” could not be read as an Anki deck ({detail}).</source>
        <translation>无法把“{name}”当作 Anki 卡组读取（{detail}）。</translation>
    </message>
    <message>
        <source>Export the deck from Anki again (File → Export).</source>
        <translation>请在 Anki 里重新导出这个卡组（文件 → 导出）。</translation>
    </message>
    <message>
        <source>“{name}” is a zip file but not an Anki deck.</source>
        <translation>“{name}”是一个 zip 文件，但不是 Anki 卡组。</translation>
    </message>
    <message>
        <source>In Anki, use File → Export → Anki Deck Package (.apkg).</source>
        <translation>请在 Anki 里选择 文件 → 导出 → Anki 卡组包（.apkg）。</translation>
    </message>
    <message>
        <source>“{name}” unpacks to more than {mb} MB.</source>
        <translation>“{name}”解压后超过 {mb} MB。</translation>
    </message>
    <message>
        <source>This is not a deck Lantern can import.</source>
        <translation>Lantern 不能导入这样的卡组。</translation>
    </message>
    <message>
        <source>“{name}” is damaged or not an Anki collection.</source>
        <translation>“{name}”已损坏，或者不是 Anki 收藏文件。</translation>
    </message>
    <message>
        <source>Export the deck from Anki again.</source>
        <translation>请在 Anki 里重新导出这个卡组。</translation>
    </message>
    <message>
        <source>Export the quiz again from Moodle (Question bank → Export → Moodle XML format).</source>
        <translation>请在 Moodle 里重新导出这份测验（题库 → 导出 → Moodle XML 格式）。</translation>
    </message>
    <message>
        <source>“{name}” is XML but not a Moodle quiz (no &lt;quiz&gt;).</source>
        <translation>“{name}”是 XML 文件，但不是 Moodle 测验（没有 &lt;quiz&gt;）。</translation>
    </message>
    <message>
        <source>Export the quiz from Moodle in Moodle XML format.</source>
        <translation>请在 Moodle 里用 Moodle XML 格式导出这份测验。</translation>
    </message>
    <message>
        <source>Export the item again from your QTI editor.</source>
        <translation>请在你的 QTI 编辑器里重新导出这道题。</translation>
    </message>
    <message>
        <source>Moodle GIFT (.gift, .txt), Moodle XML (.xml), QTI 2 items (.xml) and content packages (.zip with imsmanifest.xml), Aiken (.txt), Anki decks (.apkg, or notes exported as plain text) and spreadsheets (.csv: question, answer)</source>
        <translation>Moodle GIFT（.gift、.txt）、Moodle XML（.xml）、QTI 2 题目（.xml）和内容包（含 imsmanifest.xml 的 .zip）、Aiken（.txt）、Anki 卡组（.apkg，或导出为纯文本的笔记）以及表格（.csv：问题、答案）</translation>
    </message>
    <message>
        <source>Lantern imports {formats}.</source>
        <translation>Lantern 可以导入：{formats}。</translation>
    </message>
    <message>
        <source>There is no file “{path}”.</source>
        <translation>没有“{path}”这个文件。</translation>
    </message>
    <message>
        <source>Check the name and the folder, then try again.</source>
        <translation>请检查文件名和文件夹，然后再试一次。</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}).</source>
        <translation>无法读取“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>Check that the file is not open elsewhere and that you may read it.</source>
        <translation>请确认这个文件没有在别的程序里打开，并且你有权限读取它。</translation>
    </message>
    <message>
        <source>“{name}” is empty.</source>
        <translation>“{name}”是空的。</translation>
    </message>
    <message>
        <source>Choose the exported quiz file.</source>
        <translation>请选择导出的测验文件。</translation>
    </message>
    <message>
        <source>“{name}” is XML but not a Moodle XML quiz or QTI item.</source>
        <translation>“{name}”是 XML 文件，但既不是 Moodle XML 测验，也不是 QTI 题目。</translation>
    </message>
    <message>
        <source>Lantern cannot tell what kind of quiz “{name}” is.</source>
        <translation>Lantern 无法判断“{name}”是哪种测验文件。</translation>
    </message>
    <message>
        <source>Lantern imports {formats}. Export the quiz from Moodle or Anki in one of these formats.</source>
        <translation>Lantern 可以导入：{formats}。请从 Moodle 或 Anki 用其中一种格式导出测验。</translation>
    </message>
    <message>
        <source>Lantern cannot tell what kind of quiz this text file is.</source>
        <translation>Lantern 无法判断这个文本文件是哪种测验。</translation>
    </message>
    <message>
        <source>“{name}” is not readable XML ({detail}).</source>
        <translation>“{name}”不是可读的 XML（{detail}）。</translation>
    </message>
    <message>
        <source>“{folder}” already exists and is not empty.</source>
        <translation>“{folder}”已经存在，而且里面有文件。</translation>
    </message>
    <message>
        <source>Choose a new folder for the pack; nothing was changed.</source>
        <translation>请为资料包选择一个新文件夹；什么都没有改动。</translation>
    </message>
    <message>
        <source>“{name}” is not a content pack.</source>
        <translation>“{name}”不是内容资料包。</translation>
    </message>
    <message>
        <source>Choose a pack folder (with pack.toml inside) or a .zip of one.</source>
        <translation>请选择一个资料包文件夹（里面有 pack.toml），或者它的 .zip 文件。</translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation>“{path}”不存在。</translation>
    </message>
    <message>
        <source>Check the name and try again.</source>
        <translation>请检查名称，然后再试一次。</translation>
    </message>
    <message>
        <source>“{name}” contains an unsafe file name ({member}).</source>
        <translation>“{name}”里有一个不安全的文件名（{member}）。</translation>
    </message>
    <message>
        <source>Only use packs from people you trust.</source>
        <translation>请只使用你信任的人提供的资料包。</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be opened ({detail}).</source>
        <translation>“{name}”已损坏，无法打开（{detail}）。</translation>
    </message>
    <message>
        <source>Copy the file again, or ask for a new copy.</source>
        <translation>请重新复制这个文件，或者要一份新的。</translation>
    </message>
    <message>
        <source>“{name}” is too big to be a content pack.</source>
        <translation>“{name}”太大了，不可能是内容资料包。</translation>
    </message>
    <message>
        <source>A pack holds text and a few images; check you chose the right folder or file.</source>
        <translation>资料包里只有文字和少量图片；请检查你选的文件夹或文件是否正确。</translation>
    </message>
    <message>
        <source>“{name}” is not a spreadsheet Lantern can read ({detail}).</source>
        <translation>“{name}”不是 Lantern 能读取的表格（{detail}）。</translation>
    </message>
    <message>
        <source>Save it again from the spreadsheet program as CSV, with one question per row.</source>
        <translation>请在表格软件里把它重新保存为 CSV，每一行一道题。</translation>
    </message>
    <message>
        <source>“{name}” was not installed: it has 1 problem.</source>
        <translation>“{name}”没有安装：它有 1 个问题。</translation>
    </message>
    <message>
        <source>“{name}” was not installed: it has {count} problems.</source>
        <translation>“{name}”没有安装：它有 {count} 个问题。</translation>
    </message>
    <message>
        <source>Fix them in the pack and import it again.</source>
        <translation>请在资料包里改好这些问题，再导入一次。</translation>
    </message>
    <message>
        <source>Export the item bank again from your QTI editor as an IMS content package (.zip).</source>
        <translation>请在你的 QTI 编辑器中把题库重新导出为 IMS 内容包（.zip）。</translation>
    </message>
    <message>
        <source>“{name}” could not be read as a QTI content package ({detail}).</source>
        <translation>无法把“{name}”读取为 QTI 内容包（{detail}）。</translation>
    </message>
    <message>
        <source>“{name}” has no imsmanifest.xml.</source>
        <translation>“{name}”中没有 imsmanifest.xml。</translation>
    </message>
    <message>
        <source>The manifest of “{name}” lists no QTI items.</source>
        <translation>“{name}”的清单中没有列出任何 QTI 题目。</translation>
    </message>
    <message>
        <source>The manifest of “{name}” is not readable XML ({detail}).</source>
        <translation>“{name}”的清单不是可读取的 XML（{detail}）。</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{count} × {type}: {question} with the hidden words as blanks → question, the hidden words → answer</source>
        <translation>{count} × {type}：{question}（隐藏的词显示为空格）→ 题目，隐藏的词 → 答案</translation>
    </message>
    <message>
        <source>{count} × {type}: {question} → question, {answer} → answer, {hint} → hint</source>
        <translation>{count} × {type}：{question} → 题目，{answer} → 答案，{hint} → 提示</translation>
    </message>
    <message>
        <source>{count} × {type}: {question} → question, {answer} → answer</source>
        <translation>{count} × {type}：{question} → 题目，{answer} → 答案</translation>
    </message>
    <message>
        <source>{notes} notes → {questions} questions.</source>
        <translation>{notes} 条笔记 → {questions} 道题。</translation>
    </message>
    <message>
        <source>Language detected: {language}.</source>
        <translation>检测到的语言：{language}。</translation>
    </message>
    <message>
        <source>{count} media files are missing from the file (those pictures and sounds are not shown).</source>
        <translation>文件中缺少 {count} 个媒体文件（这些图片和声音不会显示）。</translation>
    </message>
    <message>
        <source>{count} media file is missing from the file (that picture or sound is not shown).</source>
        <translation>文件中缺少 {count} 个媒体文件（该图片或声音不会显示）。</translation>
    </message>
    <message>
        <source>Chinese (simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Chinese (traditional)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
</context>
<context>
    <name>ImportSkip</name>
    <message>
        <source>multiple choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>no lettered options (A), B), …) were found</source>
        <translation>没有找到带字母的选项（A)、B)……）</translation>
    </message>
    <message>
        <source>the ANSWER: line is missing</source>
        <translation>缺少 ANSWER: 行</translation>
    </message>
    <message>
        <source>ANSWER: {letter} names no option</source>
        <translation>ANSWER: {letter} 没有对应的选项</translation>
    </message>
    <message>
        <source>flashcard</source>
        <translation>抽认卡</translation>
    </message>
    <message>
        <source>note {note}, card {card}</source>
        <translation>笔记 {note} 的第 {card} 张卡片</translation>
    </message>
    <message>
        <source>its note type is missing from the deck</source>
        <translation>牌组里缺少它的笔记类型</translation>
    </message>
    <message>
        <source>cloze</source>
        <translation>填空卡</translation>
    </message>
    <message>
        <source>the note is longer than {count} characters</source>
        <translation>这条笔记超过 {count} 个字符</translation>
    </message>
    <message>
        <source>its card template is missing from the deck</source>
        <translation>牌组里缺少它的卡片模板</translation>
    </message>
    <message>
        <source>the front of the card is empty</source>
        <translation>卡片正面是空的</translation>
    </message>
    <message>
        <source>the back of the card is empty</source>
        <translation>卡片背面是空的</translation>
    </message>
    <message>
        <source>the answer is a picture or sound: no automatic grading</source>
        <translation>答案是图片或声音，无法自动批改</translation>
    </message>
    <message>
        <source>the cloze has no deletion c{number}</source>
        <translation>这张填空卡没有第 c{number} 个挖空</translation>
    </message>
    <message>
        <source>image occlusion: not supported</source>
        <translation>图片遮挡卡：暂不支持</translation>
    </message>
    <message>
        <source>the hidden part is a picture or sound: no automatic grading</source>
        <translation>挖空的部分是图片或声音，无法自动批改</translation>
    </message>
    <message>
        <source>a line needs a question and an answer separated by a tab</source>
        <translation>每行需要一个问题和一个答案，中间用制表符（Tab）分开</translation>
    </message>
    <message>
        <source>more than {count} questions in one file</source>
        <translation>一个文件里的题目超过 {count} 道</translation>
    </message>
    <message>
        <source>a choice question needs at least two choices</source>
        <translation>选择题至少需要两个选项</translation>
    </message>
    <message>
        <source>no choice is marked correct</source>
        <translation>没有标为正确的选项</translation>
    </message>
    <message>
        <source>no answer gets full marks</source>
        <translation>没有得满分的答案</translation>
    </message>
    <message>
        <source>the answer “{answer}” is not a number</source>
        <translation>答案“{answer}”不是数字</translation>
    </message>
    <message>
        <source>spreadsheet row</source>
        <translation>表格行</translation>
    </message>
    <message>
        <source>it needs a question column and an answer column</source>
        <translation>需要一列问题和一列答案</translation>
    </message>
    <message>
        <source>the question cell is empty</source>
        <translation>问题单元格是空的</translation>
    </message>
    <message>
        <source>the answer cell is empty</source>
        <translation>答案单元格是空的</translation>
    </message>
    <message>
        <source>the answer is a picture: no automatic grading</source>
        <translation>答案是图片，无法自动批改</translation>
    </message>
    <message>
        <source>essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <source>no automatic grading</source>
        <translation>无法自动批改</translation>
    </message>
    <message>
        <source>matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <source>not supported yet</source>
        <translation>暂不支持</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <source>text only, not a question</source>
        <translation>只有文字，不是题目</translation>
    </message>
    <message>
        <source>unreadable question</source>
        <translation>无法读取的题目</translation>
    </message>
    <message>
        <source>short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <source>the question has no text</source>
        <translation>题目没有文字</translation>
    </message>
    <message>
        <source>a true-false answer has at most two feedbacks (#…#…)</source>
        <translation>判断题的答案最多只能有两条反馈（#…#…）</translation>
    </message>
    <message>
        <source>the answer text “{text}” has no = or ~ before it</source>
        <translation>答案文字“{text}”前面没有 = 或 ~</translation>
    </message>
    <message>
        <source>one answer after “{marker}” is empty</source>
        <translation>“{marker}”后面的一个答案是空的</translation>
    </message>
    <message>
        <source>it has a “{close}” without a “{open}” before it</source>
        <translation>有一个“{close}”，但前面没有“{open}”</translation>
    </message>
    <message>
        <source>its answers start with “{open}” but have no closing “{close}”</source>
        <translation>答案以“{open}”开头，但没有结尾的“{close}”</translation>
    </message>
    <message>
        <source>it has more than one answer block {block}</source>
        <translation>有不止一个答案块 {block}</translation>
    </message>
    <message>
        <source>its title starts with “::” but does not end with “::”</source>
        <translation>标题以“::”开头，但没有以“::”结尾</translation>
    </message>
    <message>
        <source>“%{value}%” is not a percentage</source>
        <translation>“%{value}%”不是百分数</translation>
    </message>
    <message>
        <source>the credit {value}% is not between -100% and 100%</source>
        <translation>分值 {value}% 不在 -100% 到 100% 之间</translation>
    </message>
    <message>
        <source>“{text}” is not a number, a number:tolerance or a low..high range</source>
        <translation>“{text}”不是数字，也不是“数字:误差”或“最小值..最大值”的范围</translation>
    </message>
    <message>
        <source>{where}: a picture reference is damaged (“{name}”); it is shown as text.</source>
        <translation>{where}：一个图片引用已损坏（“{name}”），改为显示文字。</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <source>draws from the Moodle question bank</source>
        <translation>从 Moodle 题库中随机抽题</translation>
    </message>
    <message>
        <source>embedded answers (Cloze)</source>
        <translation>嵌入式答案（完形填空）</translation>
    </message>
    <message>
        <source>not supported: several answers in one text</source>
        <translation>不支持：一段文字里有多个答案</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>计算题</translation>
    </message>
    <message>
        <source>not supported: its numbers change on every attempt</source>
        <translation>不支持：每次作答时数字都会变化</translation>
    </message>
    <message>
        <source>drag-and-drop</source>
        <translation>拖放题</translation>
    </message>
    <message>
        <source>random matching</source>
        <translation>随机配对题</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机题</translation>
    </message>
    <message>
        <source>select missing words</source>
        <translation>选词填空</translation>
    </message>
    <message>
        <source>question {number} “{name}”</source>
        <translation>第 {number} 题“{name}”</translation>
    </message>
    <message>
        <source>question {number}</source>
        <translation>第 {number} 题</translation>
    </message>
    <message>
        <source>unnamed type</source>
        <translation>未命名的题型</translation>
    </message>
    <message>
        <source>{where}: the file “{name}” is damaged.</source>
        <translation>{where}：文件“{name}”已损坏。</translation>
    </message>
    <message>
        <source>it needs a “true” and a “false” answer</source>
        <translation>需要一个“true”答案和一个“false”答案</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>选择题</translation>
    </message>
    <message>
        <source>inline choice</source>
        <translation>行内选择题</translation>
    </message>
    <message>
        <source>text entry</source>
        <translation>文字填写题</translation>
    </message>
    <message>
        <source>ordering</source>
        <translation>排序题</translation>
    </message>
    <message>
        <source>picture hotspots</source>
        <translation>图片热点题</translation>
    </message>
    <message>
        <source>extended text</source>
        <translation>长篇作答题</translation>
    </message>
    <message>
        <source>file upload</source>
        <translation>文件上传题</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>绘图题</translation>
    </message>
    <message>
        <source>associate</source>
        <translation>关联题</translation>
    </message>
    <message>
        <source>select text</source>
        <translation>选择文字题</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>滑块题</translation>
    </message>
    <message>
        <source>item “{title}”</source>
        <translation>题目“{title}”</translation>
    </message>
    <message>
        <source>QTI item</source>
        <translation>QTI 题目</translation>
    </message>
    <message>
        <source>its values change on every attempt: not supported</source>
        <translation>每次作答时数值都会变化：不支持</translation>
    </message>
    <message>
        <source>randomised item</source>
        <translation>随机化题目</translation>
    </message>
    <message>
        <source>the item has no body</source>
        <translation>题目没有正文</translation>
    </message>
    <message>
        <source>several answers in one item</source>
        <translation>一道题里有多个作答区</translation>
    </message>
    <message>
        <source>not a question</source>
        <translation>不是题目</translation>
    </message>
    <message>
        <source>text only</source>
        <translation>纯文字</translation>
    </message>
    <message>
        <source>the item does not say which answer is right</source>
        <translation>题目没有说明哪个答案是对的</translation>
    </message>
    <message>
        <source>the item has no text</source>
        <translation>题目没有文字</translation>
    </message>
    <message>
        <source>{where}: the picture “{name}” is on the internet; its description was kept instead.</source>
        <translation>{where}：图片“{name}”在互联网上，改为保留它的文字说明。</translation>
    </message>
    <message>
        <source>an ordering question needs at least two items</source>
        <translation>排序题至少需要两个项目</translation>
    </message>
    <message>
        <source>two items read the same, or one is empty</source>
        <translation>有两个项目内容相同，或者有一个是空的</translation>
    </message>
    <message>
        <source>the item does not give the right order of all its choices</source>
        <translation>题目没有给出全部选项的正确顺序</translation>
    </message>
    <message>
        <source>not a QTI 2 item (&lt;{tag}&gt;)</source>
        <translation>不是 QTI 2 题目（&lt;{tag}&gt;）</translation>
    </message>
    <message>
        <source>the manifest names a file the package does not hold</source>
        <translation>清单里列出的文件不在内容包中</translation>
    </message>
    <message>
        <source>not readable XML ({detail})</source>
        <translation>不是可读取的 XML（{detail}）</translation>
    </message>
    <message>
        <source>larger than {size} MB</source>
        <translation>大于 {size} MB</translation>
    </message>
    <message>
        <source>the file is damaged in the zip</source>
        <translation>这个文件在 zip 中已损坏</translation>
    </message>
</context>
<context>
    <name>LearnPage</name>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课文</translation>
    </message>
    <message>
        <source>Practise this lesson</source>
        <translation>练习这一课</translation>
    </message>
    <message>
        <source>Opens practice questions about this lesson</source>
        <translation>打开这一课的练习题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Summarise this lesson</source>
        <translation>总结这一课</translation>
    </message>
    <message>
        <source>The tutor writes five short points about this lesson, beside it</source>
        <translation>AI 老师在课文旁边写出这一课的五个要点</translation>
    </message>
    <message>
        <source>Ask the tutor</source>
        <translation>问 AI 老师</translation>
    </message>
    <message>
        <source>Questions here are about this lesson. Click an answer to see where in the lesson it came from.</source>
        <translation>在这里问关于这节课的问题。点击回答，可以看到它出自课程的哪里。</translation>
    </message>
    <message>
        <source>Your teacher has turned off questions to the tutor.</source>
        <translation>老师关闭了向 AI 老师提问的功能。</translation>
    </message>
    <message>
        <source>Ask about this lesson…</source>
        <translation>问一个关于这节课的问题…</translation>
    </message>
    <message>
        <source>Shows or hides the tutor beside the lesson</source>
        <translation>显示或隐藏课程旁边的 AI 老师</translation>
    </message>
    <message>
        <source>Hide the tutor</source>
        <translation>隐藏 AI 老师</translation>
    </message>
    <message>
        <source>Show the tutor</source>
        <translation>显示 AI 老师</translation>
    </message>
    <message>
        <source>Practise this subject</source>
        <translation>练习这个科目</translation>
    </message>
    <message>
        <source>“{title}” has {count} questions but no lessons to read. Press “Practise this subject” to answer them: the tutor beside each question helps with hints.</source>
        <translation>“{title}”有 {count} 道题，但没有可以阅读的课文。点“练习这个科目”来做题：每道题旁边的辅导老师会给你提示。</translation>
    </message>
    <message>
        <source>Choose a lesson from the list to start reading.</source>
        <translation>从课程列表里选一课，开始阅读吧。</translation>
    </message>
    <message>
        <source>There are no lessons yet. Ask your teacher to add a subject.</source>
        <translation>还没有课程。请老师添加一个科目吧。</translation>
    </message>
    <message>
        <source>Summary: {lesson}</source>
        <translation>摘要：{lesson}</translation>
    </message>
</context>
<context>
    <name>LockedNote</name>
    <message>
        <source>Teacher: unlock…</source>
        <translation>老师：解锁…</translation>
    </message>
    <message>
        <source>Teacher: set up teacher mode…</source>
        <translation>老师：设置老师模式…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lantern — your offline tutor</source>
        <translation>Lantern — 你的离线 AI 老师</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Today's plan: what to do next</source>
        <translation>今天的计划：接下来做什么</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Read the lessons</source>
        <translation>阅读课文</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Answer questions, get hints</source>
        <translation>答题，获取提示</translation>
    </message>
    <message>
        <source>Ask the tutor</source>
        <translation>问 AI 老师</translation>
    </message>
    <message>
        <source>Ask questions about your lessons</source>
        <translation>问关于课程的问题</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>See how you are doing</source>
        <translation>看看你学得怎么样</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Text size, colours, idle lock</source>
        <translation>文字大小、颜色、自动退出</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>The tutor's model, device and threads</source>
        <translation>AI 老师的模型、设备和线程</translation>
    </message>
    <message>
        <source>For teachers</source>
        <translation>教师专区</translation>
    </message>
    <message>
        <source>For teachers: subjects, the tutor's AI policy, class summaries</source>
        <translation>教师专区：科目、AI 老师的使用规则、班级汇总</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>已登录：{name}</translation>
    </message>
    <message>
        <source>Your teacher set up a new class key on this laptop and signed it with the old one. Your teacher can still reset your passphrase if you forget it.</source>
        <translation>你的老师在这台电脑上设置了新的班级密钥，并用旧密钥为它签了名。如果你忘记了密码，老师仍然可以帮你重设。</translation>
    </message>
    <message>
        <source>The teacher key on this laptop is not the one your profile trusts, and your teacher did not sign the change. Your profile was not handed to it, and the tutor follows its most careful settings for now. Please tell your teacher.</source>
        <translation>这台电脑上的教师密钥不是你的账户所信任的那一个，而且你的老师没有为这次更换签名。你的账户没有交给这把密钥，辅导老师暂时使用最谨慎的设置。请告诉你的老师。</translation>
    </message>
    <message>
        <source>Starting the tutor…</source>
        <translation>正在启动 AI 老师…</translation>
    </message>
    <message>
        <source>The tutor can't answer questions right now. {reason}</source>
        <translation>AI 老师现在无法回答问题。{reason}</translation>
    </message>
</context>
<context>
    <name>MasteryChart</name>
    <message>
        <source>Mastery per skill</source>
        <translation>各知识点掌握度</translation>
    </message>
    <message>
        <source>{skill}: {percent}%</source>
        <translation>{skill}：{percent}%</translation>
    </message>
    <message>
        <source>Mastered</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>刚开始</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>There is no file at {path}.</source>
        <translation>{path} 处没有文件。</translation>
    </message>
    <message>
        <source>Check the USB stick is plugged in and pick the file again.</source>
        <translation>请检查 U 盘是否插好，然后重新选择文件。</translation>
    </message>
    <message>
        <source>{file} is not a model Lantern can use.</source>
        <translation>{file} 不是 Lantern 能使用的模型。</translation>
    </message>
    <message>
        <source>Lantern takes GGUF files (chat models for llama.cpp, e.g. '…Q4_K_M.gguf') and ONNX files (embedding models, with their tokenizer.json beside them).</source>
        <translation>Lantern 可以使用 GGUF 文件（llama.cpp 的对话模型，例如“…Q4_K_M.gguf”）和 ONNX 文件（嵌入模型，旁边要有它的 tokenizer.json）。</translation>
    </message>
    <message>
        <source>{file} has no tokenizer.json beside it.</source>
        <translation>{file} 旁边没有 tokenizer.json。</translation>
    </message>
    <message>
        <source>Copy the model's tokenizer.json into the same folder.</source>
        <translation>请把模型的 tokenizer.json 复制到同一个文件夹。</translation>
    </message>
    <message>
        <source>{file} is incomplete: the file ends before the model does.</source>
        <translation>{file} 不完整：文件在模型结束之前就断了。</translation>
    </message>
    <message>
        <source>Copy the file again (wait until the copy has finished before removing the USB stick), then add it again.</source>
        <translation>请重新复制这个文件（等复制完成后再拔出 U 盘），然后再添加一次。</translation>
    </message>
    <message>
        <source>{file} is damaged or not an ONNX model.</source>
        <translation>{file} 已损坏，或者不是 ONNX 模型。</translation>
    </message>
    <message>
        <source>Copy the model file again from where you got it.</source>
        <translation>请从原来的地方重新复制模型文件。</translation>
    </message>
    <message>
        <source>{file} needs about {need} MB of memory, but this laptop has only {free} MB free, so it was not added.</source>
        <translation>{file} 需要大约 {need} MB 内存，但这台电脑只有 {free} MB 空闲，所以没有添加。</translation>
    </message>
    <message>
        <source>Choose a smaller model (a 4-bit 'Q4' file of at most about {size} MB), or close other programs and try again.</source>
        <translation>请选择更小的模型（不超过约 {size} MB 的 4 位“Q4”文件），或者关闭其他程序后再试。</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>This model is already added, as {id}.</source>
        <translation>这个模型已经添加过了，名称是 {id}。</translation>
    </message>
    <message>
        <source>Choose {id} in the list and press 'Use this model' (or run `models use {id}`).</source>
        <translation>请在列表中选择 {id}，然后按“使用这个模型”（或运行 `models use {id}`）。</translation>
    </message>
    <message>
        <source>Trying the model…</source>
        <translation>正在试用模型…</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Copying {file}…</source>
        <translation>正在复制 {file}…</translation>
    </message>
    <message>
        <source>Copying {file} did not finish.</source>
        <translation>{file} 没有复制完。</translation>
    </message>
    <message>
        <source>Check there is enough free disk space, then try again.</source>
        <translation>请确认磁盘有足够的空间，然后再试。</translation>
    </message>
    <message>
        <source>{name} loaded but wrote nothing when tried.</source>
        <translation>{name} 能加载，但试用时什么也没写出来。</translation>
    </message>
</context>
<context>
    <name>ModelStatus</name>
    <message>
        <source>{name} · {device} · {threads} threads</source>
        <translation>{name} · {device} · {threads} 个线程</translation>
    </message>
    <message>
        <source>{name} · GPU ({layers} layers) · {threads} threads</source>
        <translation>{name} · GPU（{layers} 层）· {threads} 个线程</translation>
    </message>
    <message>
        <source>{name} · CPU (GPU fell back to CPU) · {threads} threads</source>
        <translation>{name} · CPU（GPU 不可用，已改用 CPU）· {threads} 个线程</translation>
    </message>
    <message>
        <source>Checking this computer…</source>
        <translation>正在检查这台电脑…</translation>
    </message>
    <message>
        <source>Loading the tutor model…</source>
        <translation>正在加载 AI 老师的模型…</translation>
    </message>
    <message>
        <source>Loading the search model…</source>
        <translation>正在加载搜索模型…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>准备好了</translation>
    </message>
</context>
<context>
    <name>ModelStatusBar</name>
    <message>
        <source>Tutor model and device</source>
        <translation>AI 老师的模型和设备</translation>
    </message>
    <message>
        <source>Search model and device</source>
        <translation>搜索模型和设备</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <source>{name}: not available</source>
        <translation>{name}：不可用</translation>
    </message>
</context>
<context>
    <name>ModelsSection</name>
    <message>
        <source>Tutor models (teacher)</source>
        <translation>AI 老师模型（老师用）</translation>
    </message>
    <message>
        <source>Tutor model to use</source>
        <translation>要使用的 AI 老师模型</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>使用这个模型</translation>
    </message>
    <message>
        <source>Go back to the previous one</source>
        <translation>换回上一个</translation>
    </message>
    <message>
        <source>Add a model file…</source>
        <translation>添加模型文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source> (in use)</source>
        <translation>（使用中）</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>选择模型文件</translation>
    </message>
    <message>
        <source>Models (*.gguf *.onnx)</source>
        <translation>模型 (*.gguf *.onnx)</translation>
    </message>
    <message>
        <source>Added {name}. Choose it above and press 'Use this model'.</source>
        <translation>已添加 {name}。在上面选中它，再点“使用这个模型”。</translation>
    </message>
    <message>
        <source>Stopped. Nothing was added.</source>
        <translation>已停止，没有添加任何模型。</translation>
    </message>
    <message>
        <source>Switched to {id}. Lantern uses it the next time it starts.</source>
        <translation>已切换到 {id}。Lantern 下次启动时使用它。</translation>
    </message>
</context>
<context>
    <name>NewProfileDialog</name>
    <message>
        <source>A new profile</source>
        <translation>新建学习档案</translation>
    </message>
    <message>
        <source>A nickname (not your full name)</source>
        <translation>昵称（不要用真实全名）</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Only you know it. If you forget it, your teacher can give you a new one.</source>
        <translation>只有你自己知道密码。如果忘了，老师可以帮你设一个新的。</translation>
    </message>
    <message>
        <source>Please choose a nickname.</source>
        <translation>请起一个昵称。</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation>两次输入的密码不一样。请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Making your profile…</source>
        <translation>正在创建你的学习档案…</translation>
    </message>
</context>
<context>
    <name>OrderInput</name>
    <message>
        <source>Items to put in order</source>
        <translation>要排序的项目</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Put these in order: first at the top.</source>
        <translation>请把它们排好顺序：第一个放在最上面。</translation>
    </message>
</context>
<context>
    <name>PackCheck</name>
    <message>
        <source>This line is not valid TOML ({reason}).</source>
        <translation>这一行不是有效的 TOML（{reason}）。</translation>
    </message>
    <message>
        <source>Check quotes, commas and brackets: text goes in "double quotes", lists in [square brackets], and each key appears once per table.</source>
        <translation>请检查引号、逗号和括号：文字放在 "双引号" 里，列表放在 [方括号] 里，每个表里每个键只出现一次。</translation>
    </message>
    <message>
        <source>Lists or tables in this file are nested more than {depth} levels deep.</source>
        <translation>这个文件里的列表或表嵌套超过了 {depth} 层。</translation>
    </message>
    <message>
        <source>A pack file nests at most a few levels ([[questions]] with a list of choices); check the file was not damaged or generated by mistake.</source>
        <translation>内容包文件最多只嵌套几层（[[questions]] 加上一组选项）；请检查文件是否损坏，或是否被误生成。</translation>
    </message>
    <message>
        <source>{what}: {problem}</source>
        <translation>{what}：{problem}</translation>
    </message>
    <message>
        <source>Did you mean “{name}”?</source>
        <translation>你是不是想写“{name}”？</translation>
    </message>
    <message>
        <source>Remove it, or use one of: {names}.</source>
        <translation>请删除它，或者使用以下之一：{names}。</translation>
    </message>
    <message>
        <source>“{key}” is not a field Lantern knows, so it would be ignored.</source>
        <translation>“{key}”不是 Lantern 认识的字段，会被忽略。</translation>
    </message>
    <message>
        <source>“{key}” is missing.</source>
        <translation>缺少“{key}”。</translation>
    </message>
    <message>
        <source>Add a line {key} = {example}.</source>
        <translation>请加一行 {key} = {example}。</translation>
    </message>
    <message>
        <source>“{key}” must be non-empty text.</source>
        <translation>“{key}”必须是非空的文字。</translation>
    </message>
    <message>
        <source>Write it in double quotes: {key} = {example}.</source>
        <translation>请用双引号写：{key} = {example}。</translation>
    </message>
    <message>
        <source>“{key}” must be a list of texts.</source>
        <translation>“{key}”必须是一组文字。</translation>
    </message>
    <message>
        <source>Write it like {key} = {example}.</source>
        <translation>请这样写：{key} = {example}。</translation>
    </message>
    <message>
        <source>Add a line {key} = a whole number from {low} to {high}.</source>
        <translation>请加一行 {key} = 一个 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>“{key}” must be a whole number from {low} to {high}.</source>
        <translation>“{key}”必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>“{key}” must be true or false.</source>
        <translation>“{key}”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Write {key} = true or {key} = false (no quotes).</source>
        <translation>请写 {key} = true 或 {key} = false（不加引号）。</translation>
    </message>
    <message>
        <source>“{key}” must be a number of zero or more.</source>
        <translation>“{key}”必须是大于或等于零的数。</translation>
    </message>
    <message>
        <source>Write it like {key} = 0.01 (no quotes).</source>
        <translation>请这样写：{key} = 0.01（不加引号）。</translation>
    </message>
    <message>
        <source>“{key}” must be a list of tables.</source>
        <translation>“{key}”必须是一组表。</translation>
    </message>
    <message>
        <source>Write each one under a [[...{key}]] header.</source>
        <translation>请把每一项写在 [[...{key}]] 标题下面。</translation>
    </message>
    <message>
        <source>The lesson does not start with a +++ line.</source>
        <translation>这篇课文没有以 +++ 行开头。</translation>
    </message>
    <message>
        <source>Begin the file with a front matter block: a +++ line, id = "…", title = "…", skills = ["…"], then another +++ line.</source>
        <translation>请在文件开头写一个文件头：先写一行 +++，然后写 id = "…"、title = "…"、skills = ["…"]，最后再写一行 +++。</translation>
    </message>
    <message>
        <source>The front matter block is never closed.</source>
        <translation>文件头没有结束。</translation>
    </message>
    <message>
        <source>Add a line with just +++ after the last front matter line.</source>
        <translation>请在文件头最后一行后面加一行，只写 +++。</translation>
    </message>
    <message>
        <source>Lesson “{id}”</source>
        <translation>课文“{id}”</translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation>这篇课文</translation>
    </message>
    <message>
        <source>{what}: the lesson has no text.</source>
        <translation>{what}：课文没有内容。</translation>
    </message>
    <message>
        <source>Write the lesson below the closing +++ line.</source>
        <translation>请把课文写在结尾的 +++ 行下面。</translation>
    </message>
    <message>
        <source>Add skills = ["…"] with the ids of the skills this lesson teaches.</source>
        <translation>请加上 skills = ["…"]，写上这篇课文所教知识点的 id。</translation>
    </message>
    <message>
        <source>This file is not saved as UTF-8 text.</source>
        <translation>这个文件没有保存为 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Open it in a text editor and save it with UTF-8 encoding.</source>
        <translation>请用文本编辑器打开它，并用 UTF-8 编码保存。</translation>
    </message>
    <message>
        <source>The pack has no pack.toml.</source>
        <translation>这个内容包没有 pack.toml。</translation>
    </message>
    <message>
        <source>Put a pack.toml with the pack's id, version and title in the pack's top folder (see docs/content-packs.md).</source>
        <translation>请在内容包的最上层文件夹里放一个 pack.toml，写上内容包的 id、版本和标题（见 docs/content-packs.md）。</translation>
    </message>
    <message>
        <source>The pack</source>
        <translation>内容包</translation>
    </message>
    <message>
        <source>use lowercase letters, digits and '-' only</source>
        <translation>只能用小写字母、数字和“-”</translation>
    </message>
    <message>
        <source>use a semantic version: three numbers like 1.0.0</source>
        <translation>请用语义化版本号：像 1.0.0 这样的三个数字</translation>
    </message>
    <message>
        <source>“{value}” is not a valid {key}: {rule}.</source>
        <translation>“{value}”不是有效的 {key}：{rule}。</translation>
    </message>
    <message>
        <source>the pack has no skills.</source>
        <translation>内容包里没有知识点。</translation>
    </message>
    <message>
        <source>Add at least one skill under a [[skills]] header.</source>
        <translation>请在 [[skills]] 标题下面至少加一个知识点。</translation>
    </message>
    <message>
        <source>Skill “{id}”</source>
        <translation>知识点“{id}”</translation>
    </message>
    <message>
        <source>The skill at line {line}</source>
        <translation>第 {line} 行的知识点</translation>
    </message>
    <message>
        <source>there are no questions in this file.</source>
        <translation>这个文件里没有题目。</translation>
    </message>
    <message>
        <source>Add questions under [[questions]] headers, or delete the file.</source>
        <translation>请在 [[questions]] 标题下面加题目，或者删除这个文件。</translation>
    </message>
    <message>
        <source>Question “{id}”</source>
        <translation>题目“{id}”</translation>
    </message>
    <message>
        <source>The question at line {line}</source>
        <translation>第 {line} 行的题目</translation>
    </message>
    <message>
        <source>“{kind}” is not a question type Lantern knows.</source>
        <translation>“{kind}”不是 Lantern 认识的题型。</translation>
    </message>
    <message>
        <source>Use one of: {names}.</source>
        <translation>请使用以下之一：{names}。</translation>
    </message>
    <message>
        <source>has {count} hints; a hint ladder has exactly three.</source>
        <translation>有 {count} 条提示；一组提示必须正好三条。</translation>
    </message>
    <message>
        <source>Give three hints (a nudge, a scaffold, a worked step) or none at all.</source>
        <translation>请给三条提示（一句点拨、一个思路、一步示范），或者一条也不给。</translation>
    </message>
    <message>
        <source>one of the hints is empty.</source>
        <translation>有一条提示是空的。</translation>
    </message>
    <message>
        <source>Write something in every hint.</source>
        <translation>每条提示都要写内容。</translation>
    </message>
    <message>
        <source>{what}, choice {index}</source>
        <translation>{what}的第 {index} 个选项</translation>
    </message>
    <message>
        <source>a choice question needs at least two choices.</source>
        <translation>选择题至少需要两个选项。</translation>
    </message>
    <message>
        <source>Add choices under [[questions.choices]] headers.</source>
        <translation>请在 [[questions.choices]] 标题下面加选项。</translation>
    </message>
    <message>
        <source>has {count} correct choices; multiple choice needs exactly one.</source>
        <translation>有 {count} 个正确选项；单选题必须正好一个。</translation>
    </message>
    <message>
        <source>Set correct = true on one choice only, or use type = "multiple_answer".</source>
        <translation>请只在一个选项上写 correct = true，或者使用 type = "multiple_answer"。</translation>
    </message>
    <message>
        <source>has no correct choice.</source>
        <translation>没有正确选项。</translation>
    </message>
    <message>
        <source>Set correct = true on every right choice.</source>
        <translation>请在每个正确的选项上写 correct = true。</translation>
    </message>
    <message>
        <source>the answer “{answer}” is not a number Lantern can read.</source>
        <translation>答案“{answer}”不是 Lantern 能读懂的数。</translation>
    </message>
    <message>
        <source>Write a whole number, a decimal, a fraction or a percentage, e.g. "3", "0.75", "3/4", "1 1/2" or "75%". Put units in unit = "cm".</source>
        <translation>请写整数、小数、分数或百分数，例如 "3"、"0.75"、"3/4"、"1 1/2" 或 "75%"。单位写在 unit = "cm" 里。</translation>
    </message>
    <message>
        <source>has no reference answer.</source>
        <translation>没有参考答案。</translation>
    </message>
    <message>
        <source>Add answers = ["a model answer"] with at least one answer.</source>
        <translation>请加上 answers = ["参考答案"]，至少写一个答案。</translation>
    </message>
    <message>
        <source>one of the keywords is empty.</source>
        <translation>有一个关键词是空的。</translation>
    </message>
    <message>
        <source>Write each keyword as a word or phrase; separate alternatives with "|".</source>
        <translation>每个关键词写一个词或短语；可以互换的写法用 "|" 分开。</translation>
    </message>
    <message>
        <source>The skill id “{id}” is used twice (first at {where}).</source>
        <translation>知识点 id“{id}”用了两次（第一次在 {where}）。</translation>
    </message>
    <message>
        <source>Give every skill its own id.</source>
        <translation>请给每个知识点一个不同的 id。</translation>
    </message>
    <message>
        <source>The lesson id “{id}” is used twice (first at {where}).</source>
        <translation>课文 id“{id}”用了两次（第一次在 {where}）。</translation>
    </message>
    <message>
        <source>Give every lesson its own id.</source>
        <translation>请给每篇课文一个不同的 id。</translation>
    </message>
    <message>
        <source>The question id “{id}” is used twice (first at {where}).</source>
        <translation>题目 id“{id}”用了两次（第一次在 {where}）。</translation>
    </message>
    <message>
        <source>Give every question its own id.</source>
        <translation>请给每道题一个不同的 id。</translation>
    </message>
    <message>
        <source>{what} refers to the unknown skill “{ref}”.</source>
        <translation>{what}引用了不存在的知识点“{ref}”。</translation>
    </message>
    <message>
        <source>Use the id of a skill that exists in the pack.</source>
        <translation>请使用内容包里已有知识点的 id。</translation>
    </message>
    <message>
        <source>{what} refers to the unknown lesson “{ref}”.</source>
        <translation>{what}引用了不存在的课文“{ref}”。</translation>
    </message>
    <message>
        <source>Use the id of a lesson that exists in the pack.</source>
        <translation>请使用内容包里已有课文的 id。</translation>
    </message>
    <message>
        <source>{fix} Did you mean “{name}”?</source>
        <translation>{fix}你是不是想写“{name}”？</translation>
    </message>
    <message>
        <source>The prerequisites go round in a circle: {cycle}.</source>
        <translation>先修关系绕成了一个圈：{cycle}。</translation>
    </message>
    <message>
        <source>Remove one of these prerequisites, e.g. “{child}” from skill “{node}”: a skill cannot (indirectly) require itself.</source>
        <translation>请删掉其中一个先修关系，例如从知识点“{node}”中删掉“{child}”：一个知识点不能（间接地）以自己为先修。</translation>
    </message>
    <message>
        <source>The picture “{name}” is not in the pack.</source>
        <translation>内容包里没有图片“{name}”。</translation>
    </message>
    <message>
        <source>Add the file to the pack's media folder, or fix the file name (names are case-sensitive).</source>
        <translation>请把文件放进内容包的 media 文件夹，或者改正文件名（文件名区分大小写）。</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Too short: use at least {count} characters.</source>
        <translation>太短了：至少要 {count} 个字符。</translation>
    </message>
    <message>
        <source>Too easy to guess. Try three or four words you will remember.</source>
        <translation>太容易被猜到了。试试三四个你记得住的词。</translation>
    </message>
    <message>
        <source>Still easy to guess: avoid common passwords, keyboard rows and repeats. Add another word.</source>
        <translation>还是容易被猜到：避免常见密码、键盘上连着的键和重复。再加一个词。</translation>
    </message>
    <message>
        <source>Okay. One more word makes it strong.</source>
        <translation>还可以。再加一个词就很安全了。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>很安全。</translation>
    </message>
    <message>
        <source>Very strong.</source>
        <translation>非常安全。</translation>
    </message>
    <message>
        <source>For example: {suggestion}</source>
        <translation>例如：{suggestion}</translation>
    </message>
    <message>
        <source>Please choose a nickname.</source>
        <translation>请起一个昵称。</translation>
    </message>
    <message>
        <source>Please use a nickname of at most {count} characters.</source>
        <translation>昵称最多只能有 {count} 个字符。</translation>
    </message>
    <message>
        <source>Someone on this computer already uses that nickname.</source>
        <translation>这台电脑上已经有人用这个昵称了。</translation>
    </message>
    <message>
        <source>Please choose another one.</source>
        <translation>请换一个吧。</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Learners may ask the tutor free questions</source>
        <translation>学生可以向 AI 老师自由提问</translation>
    </message>
    <message>
        <source>Answer only from the learner's lessons (otherwise: "ask your teacher")</source>
        <translation>只根据学生的课程回答（否则回答“去问你的老师”）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> wrong attempts</source>
        <translation> 次答错后</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>The subject's language</source>
        <translation>科目的语言</translation>
    </message>
    <message>
        <source>Keep these settings</source>
        <translation>保留这些设置</translation>
    </message>
    <message>
        <source>Show the answer in practice after</source>
        <translation>练习时显示答案的时机</translation>
    </message>
    <message>
        <source>Longest tutor answer</source>
        <translation>AI 老师回答的最大长度</translation>
    </message>
    <message>
        <source>Tutor answers in</source>
        <translation>AI 老师的回答语言</translation>
    </message>
    <message>
        <source>The tutor never gives the answer away during practice until the number of wrong attempts below allows it.</source>
        <translation>练习时，在学生答错次数达到下面的设定之前，AI 老师绝不会直接说出答案。</translation>
    </message>
    <message>
        <source>Lantern is using the most careful teacher settings: {reason} Check the settings below; what you change here is signed and saved.</source>
        <translation>Lantern 正在使用最谨慎的教师设置：{reason} 请检查下面的设置；你在这里做的更改会被签名并保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <source>Marks your answer and says how you did</source>
        <translation>批改你的答案，并告诉你做得怎么样</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Shows a hint; each press gives more help</source>
        <translation>显示提示；每点一次，帮助就多一点</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Goes on to the next question</source>
        <translation>进入下一题</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>AI 老师</translation>
    </message>
    <message>
        <source>Stuck? Press Hint, or ask about this question here. The tutor won't tell you the answer, but it helps you find it.</source>
        <translation>卡住了？按“提示”，或者在这里问关于这道题的问题。AI 老师不会直接告诉你答案，但会帮你自己找到它。</translation>
    </message>
    <message>
        <source>Your teacher has turned off questions to the tutor. Hint still helps you with this question.</source>
        <translation>老师关闭了向 AI 老师提问的功能。“提示”仍然可以帮你做这道题。</translation>
    </message>
    <message>
        <source>Ask about this question…</source>
        <translation>问一个关于这道题的问题…</translation>
    </message>
    <message>
        <source>Choose something to practise on the Home screen, or open a lesson in Learn and press “Practise this lesson”.</source>
        <translation>在首页选一项来练习，或者在“学习”里打开一课，点“练习这一课”。</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>第 {n} 题，共 {total} 题</translation>
    </message>
    <message>
        <source>Right! Well done.</source>
        <translation>答对了！真棒。</translation>
    </message>
    <message>
        <source>Worked solution: {text}</source>
        <translation>解题过程：{text}</translation>
    </message>
    <message>
        <source>Not quite yet.</source>
        <translation>还差一点哦。</translation>
    </message>
    <message>
        <source>nudge</source>
        <translation>点拨</translation>
    </message>
    <message>
        <source>scaffold</source>
        <translation>引导</translation>
    </message>
    <message>
        <source>worked step</source>
        <translation>示范一步</translation>
    </message>
    <message>
        <source>Hint {n} of {total} · {name}</source>
        <translation>提示 {n}/{total} · {name}</translation>
    </message>
    <message>
        <source>No more hints</source>
        <translation>没有更多提示了</translation>
    </message>
    <message>
        <source>That was the last hint: the worked step. Ask the tutor about this question, or try the next one.</source>
        <translation>这是最后一个提示：解题步骤。可以就这道题问问 AI 老师，或者试试下一题。</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Your progress</source>
        <translation>你的学习进度</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Whose figures the charts show</source>
        <translation>图表显示的是哪个科目的数据</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>科目：</translation>
    </message>
    <message>
        <source>Answer a question to start a streak.</source>
        <translation>答一道题，开始连续学习吧。</translation>
    </message>
    <message>
        <source>Report for my teacher</source>
        <translation>给老师的报告</translation>
    </message>
    <message>
        <source>Shows a report of your progress that you can save for your teacher</source>
        <translation>显示你的学习进度报告，你可以把它保存下来交给老师</translation>
    </message>
    <message>
        <source>What next</source>
        <translation>接下来做什么</translation>
    </message>
    <message>
        <source>No streak right now — best 1 day. Answer a question today!</source>
        <translation>现在没有连续学习记录——最长 1 天。今天答一道题吧！</translation>
    </message>
    <message>
        <source>No streak right now — best {best} days. Answer a question today!</source>
        <translation>现在没有连续学习记录 — 最长 {best} 天。今天就来答一道题吧！</translation>
    </message>
    <message>
        <source>Streak: 1 day in a row (best {best})</source>
        <translation>连续学习：1 天（最长 {best} 天）</translation>
    </message>
    <message>
        <source>Streak: {days} days in a row (best {best})</source>
        <translation>已连续学习 {days} 天（最长 {best} 天）</translation>
    </message>
</context>
<context>
    <name>RecommendationCard</name>
    <message>
        <source>Why this?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Shows what this suggestion is based on</source>
        <translation>显示这个建议的依据</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>新课</translation>
    </message>
    <message>
        <source>New skill</source>
        <translation>新技能</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>挑战</translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <source>One of your goals</source>
        <translation>你的目标之一</translation>
    </message>
    <message>
        <source>Your pace</source>
        <translation>你的学习节奏</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>掌握度</translation>
    </message>
    <message>
        <source>gentle</source>
        <translation>慢一点</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>稳步前进</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快一点</translation>
    </message>
    <message>
        <source>this skill</source>
        <translation>就是这个知识点</translation>
    </message>
    <message>
        <source>leads to {skill}</source>
        <translation>通向“{skill}”</translation>
    </message>
    <message>
        <source>“{goal}”: {how}</source>
        <translation>“{goal}”：{how}</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>已过期 {days} 天</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>该复习了</translation>
    </message>
    <message>
        <source>Predicted recall</source>
        <translation>预计还记得</translation>
    </message>
    <message>
        <source>prerequisites mastered ({skills})</source>
        <translation>前面的知识已掌握（{skills}）</translation>
    </message>
    <message>
        <source>no prerequisites</source>
        <translation>不需要先学别的</translation>
    </message>
    <message>
        <source>New material</source>
        <translation>新内容</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>还没开始</translation>
    </message>
    <message>
        <source>Ready for it</source>
        <translation>可以学了</translation>
    </message>
    <message>
        <source>Start {lesson} — you've mastered what it builds on ({skills})</source>
        <translation>开始学“{lesson}” — 它需要的知识你已经掌握了（{skills}）</translation>
    </message>
    <message>
        <source>Start {lesson} — it needs nothing you haven't done</source>
        <translation>开始学“{lesson}” — 不需要先学别的内容</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>还没有做过</translation>
    </message>
    <message>
        <source>Try {skill} — new questions, and you've mastered what they build on ({skills})</source>
        <translation>试试“{skill}”——新的题目，而且你已经掌握了它们的基础（{skills}）</translation>
    </message>
    <message>
        <source>Try {skill} — questions you haven't tried yet</source>
        <translation>试试“{skill}”——你还没做过的题目</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>{count} answers so far</source>
        <translation>已答 {count} 题</translation>
    </message>
    <message>
        <source>Practise {skill} — mastery {mastery}, your weakest unlocked skill, last practised {when}</source>
        <translation>练习“{skill}” — 掌握度 {mastery}，是你已解锁的知识点里最弱的一个，上次练习：{when}</translation>
    </message>
    <message>
        <source>Practise {skill} — mastery {mastery}, last practised {when}</source>
        <translation>练习“{skill}” — 掌握度 {mastery}，上次练习：{when}</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>拓展</translation>
    </message>
    <message>
        <source>harder questions</source>
        <translation>更难的题目</translation>
    </message>
    <message>
        <source>Challenge: harder questions on {skill} — mastery {mastery}, {right} of your last {total} right</source>
        <translation>挑战：“{skill}”的难题 — 掌握度 {mastery}，最近 {total} 题答对了 {right} 题</translation>
    </message>
    <message>
        <source>Challenge: harder questions on {skill} — mastery {mastery}</source>
        <translation>挑战：“{skill}”的难题 — 掌握度 {mastery}</translation>
    </message>
    <message>
        <source>Review {skill} — predicted recall {recall}, last practised {when}</source>
        <translation>复习“{skill}” — 预计还记得 {recall}，上次练习：{when}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>忘记密码了？</translation>
    </message>
    <message>
        <source>Ask your teacher. With the class recovery key they can give {name} a new passphrase. They can't see your work.</source>
        <translation>去找老师吧。老师可以用班级恢复密钥给 {name} 设一个新密码，但看不到你的学习内容。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation>老师密码</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>再输一次新密码</translation>
    </message>
    <message>
        <source>Recovery key file</source>
        <translation>恢复密钥文件</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Class recovery key</source>
        <translation>班级恢复密钥</translation>
    </message>
    <message>
        <source>Recovery key (*.json)</source>
        <translation>恢复密钥 (*.json)</translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation>两次输入的新密码不一样。</translation>
    </message>
    <message>
        <source>Checking the recovery key…</source>
        <translation>正在检查恢复密钥…</translation>
    </message>
</context>
<context>
    <name>SecurePreview</name>
    <message>
        <source>In a class round, this learner's summary of the week is added to those of the other laptops in class {name}. It leaves this laptop masked with random numbers that cancel out only when all the laptops' numbers are added up, so the hub learns the class total and nothing else.</source>
        <translation>在班级轮次中，这位学生本周的汇总会和 {name} 班其他电脑的汇总加在一起。它离开这台电脑时已被随机数遮盖，只有把所有电脑的数字加起来时这些随机数才会互相抵消，所以学校服务器只知道全班的总数，别的什么也不知道。</translation>
    </message>
    <message>
        <source>What the teacher will see, for each skill: the share of the class at each mastery level (not yet, developing, secure, mastered), how many practised, and the class's share of right answers. Each figure is blurred once for the whole class: for a class of {n}, a count of learners is within about ±{half} of the truth.</source>
        <translation>老师会看到的内容（每个技能）：全班处于各掌握程度（尚未掌握、发展中、较稳固、已掌握）的比例、有多少人练习过，以及全班答对的比例。每个数字只为全班模糊一次：对于 {n} 人的班级，学生人数与真实值的差距大约在 ±{half} 以内。</translation>
    </message>
    <message>
        <source>What nobody can see: this learner's own mastery levels, answers, times or name. Not the hub, not the teacher, not the other laptops. To uncover one laptop's summary, the hub would need the help of two thirds of the laptops in the round.</source>
        <translation>谁都看不到的内容：这位学生自己的掌握程度、答案、用时和名字。学校服务器看不到，老师看不到，其他电脑也看不到。学校服务器要想揭开一台电脑的汇总，需要本轮三分之二的电脑帮忙。</translation>
    </message>
    <message>
        <source>Privacy: each laptop adds a slice of random noise, so the class total is blurred as if once, centrally: ε = {epsilon} and δ = {delta} for the whole week (the published bound of the distributed Skellam mechanism). This spends the learner's weekly privacy budget; the week cannot also be sent as a per-learner summary.</source>
        <translation>隐私：每台电脑加入一小份随机噪声，使全班总数就像在中心只模糊了一次：整周 ε = {epsilon}，δ = {delta}（分布式 Skellam 机制已发表的界限）。这会用掉这位学生本周的隐私预算；这一周不能再以单个学生汇总的方式发送。</translation>
    </message>
    <message>
        <source>What this laptop sends: in step 1 two public keys; in step 2 {size} masked numbers that look random, and sealed pieces of a secret for the other laptops; in step 3 the pieces that let the hub remove the masks of laptops that dropped out.</source>
        <translation>这台电脑发送的内容：第 1 步是两个公钥；第 2 步是 {size} 个看起来随机的遮盖数字，以及给其他电脑的密封秘密碎片；第 3 步是让学校服务器去掉中途退出电脑的遮盖所需的碎片。</translation>
    </message>
</context>
<context>
    <name>SecurePreviewDialog</name>
    <message>
        <source>Class rounds: what is shared</source>
        <translation>班级轮次：分享什么</translation>
    </message>
    <message>
        <source>Take part</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>SecureRound</name>
    <message>
        <source>The class round for {week} is finished; this laptop's round secrets are erased.</source>
        <translation>{week} 的班级轮次已完成；这台电脑的轮次密钥已删除。</translation>
    </message>
    <message>
        <source>The class round for {week} was stopped at the hub; this laptop's round secrets are erased.</source>
        <translation>{week} 的班级轮次已在学校服务器上停止；这台电脑的轮次密钥已删除。</translation>
    </message>
    <message>
        <source>This laptop is not in the class round for {week} (it sent its keys too late, or has other subjects installed). Its figures for that week can still go out as a per-learner summary: press “Send last week now”.</source>
        <translation>这台电脑不在 {week} 的班级轮次中（它发送密钥太晚，或者安装了不同的科目）。那一周的数据仍可作为单个学生汇总发送：请点“现在发送上周的汇总”。</translation>
    </message>
    <message>
        <source>The figures for {week} have already left this laptop as a per-learner summary, so it does not join that week's class round.</source>
        <translation>{week} 的数据已经作为单个学生汇总发送过了，所以这台电脑不参加那一周的班级轮次。</translation>
    </message>
    <message>
        <source>Step 1 for {week}: this laptop's round keys are ready for the hub.</source>
        <translation>{week} 第 1 步：这台电脑的轮次密钥已为学校服务器准备好。</translation>
    </message>
    <message>
        <source>The class round for {week} asks for ε = {asked}, more than this learner's weekly budget ({budget}); this laptop does not take part.</source>
        <translation>{week} 的班级轮次要求 ε = {asked}，超过了这位学生的每周预算（{budget}）；这台电脑不参加。</translation>
    </message>
    <message>
        <source>Step 2 for {week}: this laptop's masked summary is ready for the hub (privacy ε = {epsilon} of this week's budget is spent).</source>
        <translation>{week} 第 2 步：这台电脑的遮盖汇总已为学校服务器准备好（已用掉本周隐私预算中的 ε = {epsilon}）。</translation>
    </message>
    <message>
        <source>This laptop missed step 2 of the class round for {week}; the class figures will be without it.</source>
        <translation>这台电脑错过了 {week} 班级轮次的第 2 步；全班数据中将不包括它。</translation>
    </message>
    <message>
        <source>The hub did not count this laptop's summary for {week} in time, so it reveals nothing for that round.</source>
        <translation>学校服务器没有及时计入这台电脑 {week} 的汇总，所以它在这一轮中不公开任何内容。</translation>
    </message>
    <message>
        <source>Step 3 for {week}: the answer that lets the hub finish the class sum is ready.</source>
        <translation>{week} 第 3 步：让学校服务器完成全班总数的回复已准备好。</translation>
    </message>
    <message>
        <source>The school hub refused to show this laptop its class rounds. Connect this laptop to the hub again in the sync settings.</source>
        <translation>学校服务器拒绝向这台电脑显示班级轮次。请在同步设置中重新把这台电脑连接到学校服务器。</translation>
    </message>
    <message>
        <source>Sync is off for this learner: turn it on first to take part in class rounds.</source>
        <translation>这位学生的同步已关闭：请先打开同步，才能参加班级轮次。</translation>
    </message>
    <message>
        <source>This is not a Lantern round file.</source>
        <translation>这不是 Lantern 轮次文件。</translation>
    </message>
    <message>
        <source>There is no round file for the class {name} on this stick. At the hub, download the class's round file onto the stick first.</source>
        <translation>这个 U 盘上没有 {name} 班的轮次文件。请先在学校服务器上把该班的轮次文件下载到 U 盘。</translation>
    </message>
</context>
<context>
    <name>SecureRoundBox</name>
    <message>
        <source>Class rounds (secure aggregation)</source>
        <translation>班级轮次（安全聚合）</translation>
    </message>
    <message>
        <source>The class's figures are added up with every laptop's summary masked, and the privacy noise is added once for the whole class, so the teacher's figures are far sharper. Each round has three steps; the hub's class page says which one is open. Press the button once per step on every laptop.</source>
        <translation>全班数据在每台电脑的汇总都被遮盖的情况下相加，隐私噪声只为全班加一次，所以老师看到的数据清楚得多。每一轮有三步；学校服务器的班级页面会显示当前是哪一步。每一步都要在每台电脑上按一次按钮。</translation>
    </message>
    <message>
        <source>With a USB stick: on the hub's teacher page, download the class's round file onto the stick; carry it to the class and press “Class round with USB stick…” on every laptop; carry the stick back and import its answer files on the teacher page (or with lantern-hub import). That is one trip per step; step 3 of one week can travel with step 1 of the next.</source>
        <translation>使用 U 盘：在学校服务器的教师页面上把该班的轮次文件下载到 U 盘；带到班上，在每台电脑上点“用 U 盘进行班级轮次…”；再把 U 盘带回，在教师页面上（或用 lantern-hub import）导入其中的回复文件。每一步往返一次；一周的第 3 步可以和下一周的第 1 步一起带。</translation>
    </message>
    <message>
        <source>Class round: next step</source>
        <translation>班级轮次：下一步</translation>
    </message>
    <message>
        <source>Class round with USB stick…</source>
        <translation>用 U 盘进行班级轮次…</translation>
    </message>
    <message>
        <source>Choose the USB stick</source>
        <translation>选择 U 盘</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>没有发送任何内容。</translation>
    </message>
    <message>
        <source>Working on the class round…</source>
        <translation>正在处理班级轮次…</translation>
    </message>
    <message>
        <source>Wrote {file} to the stick: take it back to the hub and import it.</source>
        <translation>已把 {file} 写入 U 盘：请带回学校服务器并导入。</translation>
    </message>
    <message>
        <source>The hub refused an answer: {reason}</source>
        <translation>学校服务器拒绝了一个回复：{reason}</translation>
    </message>
    <message>
        <source>Nothing to do: no class round is waiting for this laptop.</source>
        <translation>没有要做的：没有班级轮次在等这台电脑。</translation>
    </message>
    <message>
        <source>The school hub could not be reached. Check that this laptop is on the school network, then press the button again; nothing was lost.</source>
        <translation>无法连接学校服务器。请确认这台电脑连着学校网络，然后再按一次按钮；没有丢失任何内容。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was lost.</source>
        <translation>出了点问题，但没有丢失任何数据。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Lantern will use this language the next time it starts.</source>
        <translation>Lantern 下次启动时会使用这种语言。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Sign out after this long without use</source>
        <translation>多久不用就自动退出登录</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>设置提示</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>文字大小：</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Sign out when idle for:</source>
        <translation>无操作多久后退出登录：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Your change works now but could not be saved for next time. {reason}</source>
        <translation>你的修改现在已经生效，但没能保存到下次使用。{reason}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Become the teacher of this laptop</source>
        <translation>成为这台电脑的老师</translation>
    </message>
    <message>
        <source>No teacher has set up this laptop yet. The person who sets the teacher passphrase becomes the teacher of this laptop: only they can change the subjects, the tutor's AI policy, the models and class summaries, and reset a learner's forgotten passphrase. If you are a learner, press Cancel and ask your teacher.</source>
        <translation>还没有老师设置过这台电脑。设置老师密码的人就成为这台电脑的老师：只有老师可以更改科目、AI 老师的规则、模型和班级汇总，也只有老师可以重置学生忘记的密码。如果你是学生，请按“取消”，然后去问你的老师。</translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation>老师密码</translation>
    </message>
    <message>
        <source>Teacher passphrase again</source>
        <translation>再输一次老师密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation>两次输入的密码不一样。请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Setting the teacher passphrase…</source>
        <translation>正在设置老师密码…</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Profiles on this computer</source>
        <translation>这台电脑上的学习档案</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>你的密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Restore the automatic backup</source>
        <translation>恢复自动备份</translation>
    </message>
    <message>
        <source>I'm new here</source>
        <translation>我是新来的</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>忘记密码了？</translation>
    </message>
    <message>
        <source>Change my passphrase</source>
        <translation>更改我的密码</translation>
    </message>
    <message>
        <source>Teachers: class recovery key</source>
        <translation>老师：班级恢复密钥</translation>
    </message>
    <message>
        <source>Who's learning today?</source>
        <translation>今天谁来学习？</translation>
    </message>
    <message>
        <source>Choose your name, then type your passphrase.</source>
        <translation>选择你的名字，然后输入密码。</translation>
    </message>
    <message>
        <source>No profiles yet. Press “I'm new here” to make yours.</source>
        <translation>还没有学习档案。点“我是新来的”创建一个吧。</translation>
    </message>
    <message>
        <source>Opening your profile…</source>
        <translation>正在打开你的学习档案…</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>请先选择你的名字。</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>请输入你的密码。</translation>
    </message>
    <message>
        <source>Your backup is back in place. Type your passphrase to sign in.</source>
        <translation>备份已经恢复好了。输入密码就可以登录。</translation>
    </message>
    <message>
        <source>Your teacher gave you a new passphrase. Sign in with it.</source>
        <translation>老师给了你一个新密码，用它登录吧。</translation>
    </message>
    <message>
        <source>Your passphrase is changed. Sign in with the new one.</source>
        <translation>密码已更改。请用新密码登录。</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Nobody is signed in, so this answer could not be saved.</source>
        <translation>现在没有人登录，所以这个答案没能保存。</translation>
    </message>
    <message>
        <source>Sign in, then try the question again.</source>
        <translation>请先登录，再做一次这道题。</translation>
    </message>
    <message>
        <source>Sign in first, then export your backup.</source>
        <translation>请先登录，再导出你的备份。</translation>
    </message>
    <message>
        <source>This profile is open in another Lantern window.</source>
        <translation>这个学习档案已经在另一个 Lantern 窗口里打开了。</translation>
    </message>
    <message>
        <source>Close the other window, then try again.</source>
        <translation>请关掉另一个窗口，然后再试一次。</translation>
    </message>
    <message>
        <source>Lantern can't open this profile's file.</source>
        <translation>Lantern 打不开这个学习档案的文件。</translation>
    </message>
    <message>
        <source>Ask your teacher to check that Lantern's data folder can be written to.</source>
        <translation>请老师检查一下 Lantern 的数据文件夹能不能写入。</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, ask your teacher.</source>
        <translation>再试一次。如果一直这样，请告诉老师。</translation>
    </message>
    <message>
        <source>Check it and try again, or ask your teacher to reset it.</source>
        <translation>请检查后再试，或者请老师帮你重设密码。</translation>
    </message>
    <message>
        <source>That passphrase doesn't match this profile.</source>
        <translation>这个密码和这个学习档案对不上。</translation>
    </message>
    <message>
        <source>This keeps your profile safe from guessing.</source>
        <translation>这样可以防止别人猜你的密码。</translation>
    </message>
    <message>
        <source>Too many wrong passphrases. Please wait {seconds} seconds and try again.</source>
        <translation>密码输错太多次了。请等 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>Ask your teacher to check that Lantern's data folder can be written to. Until then nothing can be unlocked.</source>
        <translation>请老师检查 Lantern 的数据文件夹是否可以写入。在此之前，什么都无法解锁。</translation>
    </message>
    <message>
        <source>Lantern can't record passphrase tries on this computer, so it won't check any passphrase.</source>
        <translation>Lantern 无法在这台电脑上记录密码尝试次数，所以不会检查任何密码。</translation>
    </message>
    <message>
        <source>Use at least 8 characters, for example three words you will remember.</source>
        <translation>至少要用 8 个字符，比如三个你记得住的词。</translation>
    </message>
    <message>
        <source>Choose your name from the list, or ask your teacher.</source>
        <translation>请从列表里选择你的名字，或者问问老师。</translation>
    </message>
    <message>
        <source>Lantern kept an automatic backup from your last session: restore it to carry on (answers since then are lost).</source>
        <translation>Lantern 保存了你上次学习时的自动备份：恢复它就可以继续学习（之后的答题记录会丢失）。</translation>
    </message>
    <message>
        <source>Ask your teacher to import a backup file.</source>
        <translation>请老师帮你导入一个备份文件。</translation>
    </message>
    <message>
        <source>This profile's saved work is damaged and can't be opened.</source>
        <translation>这个学习档案保存的内容损坏了，打不开。</translation>
    </message>
    <message>
        <source>Nothing was half-saved. Free some space on the disk (or ask your teacher), then try again.</source>
        <translation>没有保存到一半的内容。请在磁盘上腾出一些空间（或者问问老师），然后再试一次。</translation>
    </message>
    <message>
        <source>The disk is full, so Lantern could not save.</source>
        <translation>磁盘满了，Lantern 无法保存。</translation>
    </message>
    <message>
        <source>Check the teacher recovery file and the teacher passphrase.</source>
        <translation>请检查老师的恢复密钥文件和老师密码。</translation>
    </message>
    <message>
        <source>Choose a backup file that Lantern made with 'Export backup'.</source>
        <translation>请选择 Lantern 用“导出备份”生成的备份文件。</translation>
    </message>
    <message>
        <source>Lantern can't read its list of profiles.</source>
        <translation>Lantern 读不了学习档案列表。</translation>
    </message>
    <message>
        <source>Ask your teacher: the file profiles.json may be damaged. The profiles themselves are safe.</source>
        <translation>请告诉老师：profiles.json 文件可能损坏了。学习档案本身是安全的。</translation>
    </message>
    <message>
        <source>That profile is not on this computer.</source>
        <translation>这台电脑上没有这个学习档案。</translation>
    </message>
    <message>
        <source>That teacher passphrase doesn't match this recovery key.</source>
        <translation>这个老师密码和这个恢复密钥对不上。</translation>
    </message>
    <message>
        <source>This profile is already on this computer.</source>
        <translation>这台电脑上已经有这个学习档案了。</translation>
    </message>
    <message>
        <source>Delete it first, or choose to replace it.</source>
        <translation>请先删除它，或者选择替换它。</translation>
    </message>
    <message>
        <source>That backup file is not encrypted.</source>
        <translation>这个备份文件没有加密。</translation>
    </message>
    <message>
        <source>That file is not a Lantern profile backup.</source>
        <translation>这个文件不是 Lantern 学习档案的备份。</translation>
    </message>
    <message>
        <source>Check it and try again. Learners can't open teacher mode.</source>
        <translation>请检查后再试一次。学生不能打开老师模式。</translation>
    </message>
    <message>
        <source>That is not this laptop's teacher passphrase.</source>
        <translation>这不是这台电脑的老师密码。</translation>
    </message>
    <message>
        <source>Teacher mode stays locked. Copy the class recovery key from your USB stick back with `python -m app teacher install-key FILE`, or set a new one with `python -m app teacher set-passphrase --replace`.</source>
        <translation>老师模式保持锁定。请用 `python -m app teacher install-key FILE` 从 U 盘把班级恢复密钥复制回来，或者用 `python -m app teacher set-passphrase --replace` 设置一个新的。</translation>
    </message>
    <message>
        <source>Lantern can't read this laptop's teacher passphrase file ({file}): it is damaged.</source>
        <translation>Lantern 读不了这台电脑的老师密码文件（{file}）：文件已损坏。</translation>
    </message>
    <message>
        <source>Unlock teacher mode with it, or change it from the command line.</source>
        <translation>请用它解锁老师模式，或者在命令行里修改它。</translation>
    </message>
    <message>
        <source>This laptop already has a teacher passphrase.</source>
        <translation>这台电脑已经有老师密码了。</translation>
    </message>
    <message>
        <source>Sign in first: this belongs to a learner's profile.</source>
        <translation>请先登录：这属于某位学生的个人档案。</translation>
    </message>
</context>
<context>
    <name>StrengthLabel</name>
    <message>
        <source>Tip: three or four words you will remember, like “{example}”.</source>
        <translation>提示：用三四个你记得住的词，比如“{example}”。</translation>
    </message>
</context>
<context>
    <name>SubjectsPage</name>
    <message>
        <source>Subjects</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>There are no subjects yet. Ask your teacher to add a content pack.</source>
        <translation>还没有科目。请老师添加一个内容包吧。</translation>
    </message>
    <message>
        <source>Subjects you can learn</source>
        <translation>你可以学习的科目</translation>
    </message>
    <message>
        <source>{title} — {subject}, {language} · 1 lesson</source>
        <translation>{title} — {subject}，{language} · 1 节课</translation>
    </message>
    <message>
        <source>{title} — {subject}, {language} · {count} lessons</source>
        <translation>{title} — {subject}，{language} · {count} 节课</translation>
    </message>
    <message>
        <source>General</source>
        <translation>综合</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This learner's privacy budget for {week} is used up: {spent} of {budget} is spent and this send needs {asked}. Nothing was sent. The figures can be sent again next week, or a teacher can raise the weekly budget in the sync settings.</source>
        <translation>这位学生 {week} 的隐私预算已经用完：{budget} 中已用掉 {spent}，这次发送需要 {asked}。没有发送任何内容。下周可以再发送这些数据，或者老师可以在同步设置里提高每周预算。</translation>
    </message>
    <message>
        <source>{file} is not an enrolment file from the school hub. Ask the teacher for the file `lantern-hub enrol-file` wrote.</source>
        <translation>{file} 不是学校汇总服务器的注册文件。请向老师要 `lantern-hub enrol-file` 生成的文件。</translation>
    </message>
    <message>
        <source>The school hub refused the summary (HTTP {status}: {reply}).</source>
        <translation>学校汇总服务器拒绝了这份汇总（HTTP {status}：{reply}）。</translation>
    </message>
    <message>
        <source>The folder {folder} is not there. Plug in the USB stick and choose it again.</source>
        <translation>找不到文件夹 {folder}。请插上 U 盘，再选一次。</translation>
    </message>
    <message>
        <source>This laptop is not connected to a school hub yet. In the sync settings, type the hub's address and the enrolment code from the teacher.</source>
        <translation>这台电脑还没有连接学校的汇总服务器。请在同步设置里输入服务器地址和老师给你的注册代码。</translation>
    </message>
    <message>
        <source>The privacy setting ε must be between {low} and {high} (it was {value}). Choose a value in that range in the sync settings.</source>
        <translation>隐私设置 ε 必须在 {low} 到 {high} 之间（现在是 {value}）。请在同步设置中选择这个范围内的值。</translation>
    </message>
    <message>
        <source>There is nothing to send: no skills were given.</source>
        <translation>没有可发送的内容：没有提供任何知识点。</translation>
    </message>
</context>
<context>
    <name>SyncPreview</name>
    <message>
        <source>One anonymous summary for the week {week}. It has a random number ({id}…) instead of a name, and no date or time.</source>
        <translation>一份 {week} 这一周的匿名汇总。它用一个随机编号（{id}…）代替名字，也没有日期和时间。</translation>
    </message>
    <message>
        <source>Every number has been blurred with random noise on this laptop (privacy setting ε = {epsilon}), so nobody can tell what this learner did; only totals over many learners mean something.</source>
        <translation>每个数字都已经在这台电脑上加入了随机噪声（隐私设置 ε = {epsilon}），所以没有人能看出这位学生具体做了什么；只有很多学生的总数才有意义。</translation>
    </message>
    <message>
        <source>Skill “{skill}”: questions tried, right answers, minutes and mastery level, each only as a blurred number (here {attempts}, {correct} and {minutes}; blurred numbers can be negative or far too big).</source>
        <translation>知识点“{skill}”：做过的题数、答对的题数、用时（分钟）和掌握程度，都只以加了噪声的数字发送（这里是 {attempts}、{correct} 和 {minutes}；加了噪声的数字可能是负数，也可能大得离谱）。</translation>
    </message>
    <message>
        <source>Before blurring, the numbers are capped: {ranges}.</source>
        <translation>加入噪声之前，数字会被限制在这个范围内：{ranges}。</translation>
    </message>
</context>
<context>
    <name>SyncPreviewDialog</name>
    <message>
        <source>What will be sent</source>
        <translation>将要发送的内容</translation>
    </message>
    <message>
        <source>This is everything that will leave this laptop for the class {name}'s hub. Nothing else is sent.</source>
        <translation>这就是将从这台电脑发送到班级 {name} 汇总服务器的全部内容，不会发送其他任何东西。</translation>
    </message>
    <message>
        <source>The exact data (it is signed, so it cannot be changed on the way):</source>
        <translation>具体数据（已签名，传输途中无法被修改）：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Don't send</source>
        <translation>不发送</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <source>Share anonymous weekly class summaries</source>
        <translation>分享匿名的每周班级汇总</translation>
    </message>
    <message>
        <source>Privacy setting ε per week: smaller hides more, larger gives the teacher clearer figures.</source>
        <translation>每周隐私设置 ε：越小隐藏得越多，越大老师看到的数据越清楚。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Use enrolment file…</source>
        <translation>使用注册文件…</translation>
    </message>
    <message>
        <source>Send last week now</source>
        <translation>现在发送上周的汇总</translation>
    </message>
    <message>
        <source>Write to USB stick…</source>
        <translation>写入 U 盘…</translation>
    </message>
    <message>
        <source>Privacy (ε per week)</source>
        <translation>隐私（每周 ε）</translation>
    </message>
    <message>
        <source>School hub address</source>
        <translation>学校汇总服务器地址</translation>
    </message>
    <message>
        <source>Sync is off: nothing leaves this laptop.</source>
        <translation>同步已关闭：不会有任何数据离开这台电脑。</translation>
    </message>
    <message>
        <source>one-time code from the teacher</source>
        <translation>老师给的一次性代码</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>注册代码</translation>
    </message>
    <message>
        <source>Type the hub's address and the enrolment code the teacher gave you, then press Connect.</source>
        <translation>输入汇总服务器的地址和老师给你的注册代码，然后点“连接”。</translation>
    </message>
    <message>
        <source>Connected to class {name}.</source>
        <translation>已连接到班级 {name}。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was lost.</source>
        <translation>出了点问题，但没有丢失任何数据。</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>正在连接汇总服务器…</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>注册文件</translation>
    </message>
    <message>
        <source>Preparing last week's summary…</source>
        <translation>正在准备上周的汇总…</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>没有发送任何内容。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>The hub could not be reached. The summary is kept safe on this laptop and will be sent later.</source>
        <translation>连不上汇总服务器。汇总已安全保存在这台电脑上，稍后会再发送。</translation>
    </message>
    <message>
        <source>Sent {n} summary(ies) to the hub.</source>
        <translation>已向汇总服务器发送 {n} 份汇总。</translation>
    </message>
    <message>
        <source>Choose the USB stick</source>
        <translation>选择 U 盘</translation>
    </message>
    <message>
        <source>There is nothing waiting to be written.</source>
        <translation>没有需要写入的内容。</translation>
    </message>
    <message>
        <source>Wrote {n} summary(ies) to {file}. Take the stick to the hub.</source>
        <translation>已将 {n} 份汇总写入 {file}。请把 U 盘带到汇总服务器那里。</translation>
    </message>
</context>
<context>
    <name>SyncTransport</name>
    <message>
        <source>Could not reach the school hub at {hub}. Check the address and that this laptop is on the school network, then try again.</source>
        <translation>无法连接到 {hub} 的学校汇总服务器。请检查地址，并确认这台电脑连在学校网络上，然后再试一次。</translation>
    </message>
    <message>
        <source>The hub did not accept that enrolment code. Each code works once and expires; check it, or ask the teacher for a new one.</source>
        <translation>汇总服务器不接受这个注册代码。每个代码只能用一次，而且会过期；请检查代码，或向老师要一个新的。</translation>
    </message>
    <message>
        <source>The server at {hub} did not answer like a Lantern school hub. Check the address.</source>
        <translation>{hub} 上的服务器的回应不像 Lantern 学校汇总服务器。请检查地址。</translation>
    </message>
</context>
<context>
    <name>TeacherPage</name>
    <message>
        <source>Subjects</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>AI policy</source>
        <translation>AI 使用规则</translation>
    </message>
    <message>
        <source>Class summaries</source>
        <translation>班级汇总</translation>
    </message>
    <message>
        <source>These pages are for teachers: the subjects on this laptop, what the tutor may do, and class summaries. Ask your teacher to unlock them.</source>
        <translation>这些页面是给老师用的：这台电脑上的科目、AI 老师可以做什么，以及班级汇总。请让你的老师来解锁。</translation>
    </message>
    <message>
        <source>Leave teacher mode</source>
        <translation>退出老师模式</translation>
    </message>
    <message>
        <source>For teachers</source>
        <translation>教师专区</translation>
    </message>
    <message>
        <source>Class summaries belong to a learner profile: they appear here once a learner has signed in.</source>
        <translation>班级汇总属于某个学生的学习档案：学生登录后才会显示在这里。</translation>
    </message>
    <message>
        <source>Teacher mode is on. Leave it before you hand the laptop back to a learner.</source>
        <translation>老师模式已打开。把电脑交还给学生之前，请先退出。</translation>
    </message>
    <message>
        <source>Sign in to a learner profile to see its class summaries.</source>
        <translation>登录一个学生的学习档案，就能看到它的班级汇总。</translation>
    </message>
</context>
<context>
    <name>TeacherReportDialog</name>
    <message>
        <source>Report for my teacher</source>
        <translation>给老师的报告</translation>
    </message>
    <message>
        <source>This is what your teacher will see. Read it first; then save it as a PDF or a spreadsheet (CSV) and give them the file. Nothing is sent anywhere.</source>
        <translation>这就是老师会看到的内容。请先读一遍，然后把它保存为 PDF 或表格文件（CSV）交给老师。任何内容都不会被发送出去。</translation>
    </message>
    <message>
        <source>Your report</source>
        <translation>你的报告</translation>
    </message>
    <message>
        <source>Report message</source>
        <translation>报告提示</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>保存为 CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Writing your report… Stop ends it.</source>
        <translation>正在生成你的报告……按“停止”可以中止。</translation>
    </message>
    <message>
        <source>Stopped. Close this and press the button again to write the report.</source>
        <translation>已停止。关闭此窗口后再按一次按钮即可重新生成报告。</translation>
    </message>
    <message>
        <source>{learner} — {subject}</source>
        <translation>{learner} — {subject}</translation>
    </message>
    <message>
        <source>Written by the tutor's model from the figures below, and checked.</source>
        <translation>由 AI 老师的模型根据下面的数据写成，并已经过检查。</translation>
    </message>
    <message>
        <source>Written by Lantern from the figures below.</source>
        <translation>由 Lantern 根据下面的数据写成。</translation>
    </message>
    <message>
        <source>Date: {day}</source>
        <translation>日期：{day}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Mastery per skill</source>
        <translation>各技能掌握度</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>掌握度</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>作答次数</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Right this week</source>
        <translation>本周答对</translation>
    </message>
    <message>
        <source>Recent activity (last 7 days)</source>
        <translation>最近的学习（近 7 天）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>答对</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>把报告保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>把报告保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>The report could not be saved there. {reason}</source>
        <translation>报告无法保存到那里。{reason}</translation>
    </message>
</context>
<context>
    <name>TeacherSettings</name>
    <message>
        <source>The teacher settings were changed outside teacher mode (they are not signed).</source>
        <translation>教师设置在教师模式之外被更改过（没有签名）。</translation>
    </message>
    <message>
        <source>The teacher settings file was edited after the teacher saved it.</source>
        <translation>教师设置文件在老师保存之后被修改过。</translation>
    </message>
    <message>
        <source>The teacher settings were signed by another class key than this laptop's.</source>
        <translation>教师设置是用另一把班级密钥签名的，不是这台电脑的班级密钥。</translation>
    </message>
    <message>
        <source>The teacher settings are signed, but this laptop's class key is missing or damaged.</source>
        <translation>教师设置有签名，但这台电脑的班级密钥丢失或已损坏。</translation>
    </message>
    <message>
        <source>The model in use was switched outside teacher mode.</source>
        <translation>正在使用的模型是在教师模式之外切换的。</translation>
    </message>
    <message>
        <source>This laptop's class key is not the one your profile trusts.</source>
        <translation>这台电脑的班级密钥不是你的账户所信任的那一把。</translation>
    </message>
    <message>
        <source>This class key can't sign settings yet: unlock teacher mode once to upgrade it.</source>
        <translation>这把班级密钥还不能为设置签名：请先解锁一次教师模式来升级它。</translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <source>Type a number, like 3/4 or 0.75</source>
        <translation>输入一个数，比如 3/4 或 0.75</translation>
    </message>
    <message>
        <source>Write your answer in a few words</source>
        <translation>用几个词写下你的答案</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
</context>
<context>
    <name>TrueFalseInput</name>
    <message>
        <source>True</source>
        <translation>对</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错</translation>
    </message>
</context>
<context>
    <name>Tutor</name>
    <message>
        <source>I can't help with that here. Let's get back to your lesson — and if something is worrying you, please talk to your teacher or a grown-up you trust.</source>
        <translation>这个问题我在这里不能回答。我们回到课程吧——如果有什么让你担心，请告诉老师或你信任的大人。</translation>
    </message>
    <message>
        <source>I couldn't find that in your lessons, so I'd rather not guess. Try asking your teacher!</source>
        <translation>我在你的课文里没有找到这个内容，不想乱猜。去问问老师吧！</translation>
    </message>
    <message>
        <source>Your teacher has turned off free questions. Use Hint while you practise.</source>
        <translation>老师关闭了自由提问。练习时可以点“提示”。</translation>
    </message>
</context>
<context>
    <name>TutorPanel</name>
    <message>
        <source>Tutor</source>
        <translation>AI 老师</translation>
    </message>
    <message>
        <source>Ask about your lessons. The tutor answers from them and shows where it found the answer. It runs on this laptop: nothing you type leaves it.</source>
        <translation>问问关于课程的问题吧。AI 老师会根据课程内容回答，并告诉你答案出自哪里。它就在这台电脑上运行：你输入的内容不会离开这台电脑。</translation>
    </message>
    <message>
        <source>The tutor is thinking… Stop (Esc) ends it.</source>
        <translation>AI 老师正在思考… 按“停止”（Esc）可以结束。</translation>
    </message>
    <message>
        <source>Your teacher has turned off questions to the tutor.</source>
        <translation>老师关闭了向 AI 老师提问的功能。</translation>
    </message>
    <message>
        <source>Ask the tutor</source>
        <translation>问 AI 老师</translation>
    </message>
    <message>
        <source>Subject the tutor answers from</source>
        <translation>AI 老师根据哪个科目回答</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>科目：</translation>
    </message>
    <message>
        <source>Conversation with the tutor</source>
        <translation>和 AI 老师的对话</translation>
    </message>
    <message>
        <source>Press Enter on an answer to open the lesson it cites</source>
        <translation>在回答上按回车键，可以打开它引用的课程</translation>
    </message>
    <message>
        <source>Type a question, e.g. What is a fraction?</source>
        <translation>输入一个问题，例如：什么是分数？</translation>
    </message>
    <message>
        <source>Your question</source>
        <translation>你的问题</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <source>Stop the tutor's answer (Esc)</source>
        <translation>停止 AI 老师的回答 (Esc)</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>试试问：</translation>
    </message>
    <message>
        <source>Ask: {question}</source>
        <translation>提问：{question}</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（没有回答）</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Teacher mode</source>
        <translation>老师模式</translation>
    </message>
    <message>
        <source>Type this laptop's teacher passphrase. Teacher mode stays on until you leave it, sign out, or stop using Lantern for a few minutes.</source>
        <translation>请输入这台电脑的老师密码。老师模式会一直打开，直到你退出它、退出登录，或者几分钟不使用 Lantern。</translation>
    </message>
    <message>
        <source>Teacher passphrase</source>
        <translation>老师密码</translation>
    </message>
    <message>
        <source>Type the teacher passphrase.</source>
        <translation>请输入老师密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} 天前</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从没练过</translation>
    </message>
</context>
</TS>