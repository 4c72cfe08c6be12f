/**
 * Simplified Chinese for the text the decision engine writes into its result (packages/core, decision/):
 * the reasons of the ranking rules (ranking-rules.ts), the red flags' message and action
 * (red-flag-rules.ts), the caveat of a partly verified or unverified source (engine.ts) and the disclaimer
 * (disclaimer.ts). The option labels and evidence-basis lines come from the option catalogue and are
 * translated in catalogue-zh.ts. A reason carries no rule id, so each string is keyed by core's English
 * text. test/engine-zh.test.ts runs the engine until every rule has fired and fails when an emitted string
 * has no translation here, when a translation's numbers differ from the English, or when a key is stale.
 */
import { CATALOGUE_ZH } from './catalogue-zh';

const REVIEW = '任何治疗前先请专科评估。';

export const ENGINE_ZH: Readonly<Record<string, string>> = {
  // ── Red flags: message, then action ──
  'MRI shows a lesion: the spasm may be secondary (tumour, vascular malformation, demyelination), which is found in about 0.5 % of large series.':
    'MRI 显示病变：痉挛可能是继发性的（肿瘤、血管畸形、脱髓鞘），在大型病例系列中约占 0.5 %。',
  'Neurosurgical or neurological review of the lesion; treat the cause. Specialist review before any treatment.': `由神经外科或神经内科评估该病变；针对病因治疗。${REVIEW}`,
  'A parotid mass or a temporal-bone lesion can cause the spasm by involving the facial nerve outside the skull or in the temporal bone (a distal cause).':
    '腮腺肿物或颞骨病变可累及颅外或颞骨内的面神经而引起痉挛（远端病因）。',
  'Imaging of the mass or lesion and specialist review; treat the cause. Specialist review before any treatment.': `对肿物或病变进行影像检查并请专科评估；针对病因治疗。${REVIEW}`,
  'Spasm on both sides is rare in HFS (0.4 % of 1,642 cases). Bilateral synchronous closure points to blepharospasm/Meige; bilateral asynchronous spasm can suggest a functional disorder.':
    '双侧痉挛在面肌痉挛中少见（1,642 例中占 0.4 %）。双侧同步闭眼提示眼睑痉挛/梅杰（Meige）综合征；双侧不同步的痉挛可能提示功能性障碍。',
  'Neurologist (movement disorders) review to confirm the diagnosis; MRI. Specialist review before any treatment.': `请神经内科（运动障碍专业）医生评估以确认诊断；行 MRI 检查。${REVIEW}`,
  'No MRI yet: MRI rules out secondary causes and maps the vessel before any procedure.':
    '尚未做 MRI：在任何手术或操作之前，MRI 可排除继发性病因并显示血管的位置。',
  'MRI with heavily T2-weighted 3D sequences (CISS/FIESTA) ± TOF angiography.':
    '行重 T2 加权 3D 序列（CISS/FIESTA）MRI ± TOF 血管成像。',
  "A history of Bell's palsy or facial-nerve injury suggests post-paralytic synkinesis or secondary HFS, whose management and toxin response differ from primary HFS.":
    '既往贝尔麻痹或面神经损伤提示面瘫后联带运动或继发性面肌痉挛，其处理方法和对肉毒毒素的反应与原发性面肌痉挛不同。',
  'Confirm the diagnosis with a neurologist; one toxin protocol uses lower doses per site. Specialist review before any treatment.': `请神经内科医生确认诊断；有一种肉毒毒素方案在每个注射点使用较低剂量。${REVIEW}`,
  'Under 18: HFS is rare at this age (onset ranged from 15 to 87 years in one series) and may have another cause; the figures behind this ranking come from adults.':
    '未满 18 岁：这个年龄的面肌痉挛很少见（一个病例系列中起病年龄为 15 至 87 岁），可能另有病因；本排序所依据的数据来自成人。',
  'Specialist paediatric neurology review and MRI (CISS/FIESTA ± TOF); no procedure is preferred on adult evidence. Specialist review before any treatment.': `请儿童神经专科评估并行 MRI（CISS/FIESTA ± TOF）；不会依据成人证据将任何手术或操作列为首选。${REVIEW}`,
  'Onset before age 40 is unusual for idiopathic HFS and may herald multiple sclerosis or another neurological disease.':
    '40 岁以前起病在特发性面肌痉挛中少见，可能是多发性硬化或其他神经系统疾病的先兆。',
  'MRI and neurological examination for another cause. Specialist review before any treatment.': `行 MRI 和神经系统检查以寻找其他病因。${REVIEW}`,
  'Signs beyond the spasm (facial weakness, hearing loss/tinnitus/imbalance, facial numbness or other cranial-nerve signs) suggest a structural cause such as a cerebellopontine-angle tumour or demyelination.':
    '痉挛以外的体征（面部无力、听力下降/耳鸣/平衡障碍、面部麻木或其他脑神经体征）提示结构性病因，如桥小脑角肿瘤或脱髓鞘。',
  'MRI (CISS/FIESTA ± TOF) and neurological/neurosurgical review. Specialist review before any treatment.': `行 MRI（CISS/FIESTA ± TOF）并请神经内科/神经外科评估。${REVIEW}`,
  'Spasm that began in the lower face and spread up towards the eye is atypical for HFS, and spasm of the lower face alone is a feature of functional facial spasm.':
    '从下面部开始并向上扩展到眼周的痉挛对面肌痉挛而言不典型，而仅限于下面部的痉挛是功能性面部痉挛的特征。',
  'MRI and neurologist (movement disorders) review to confirm the diagnosis. Specialist review before any treatment.': `行 MRI 并请神经内科（运动障碍专业）医生评估以确认诊断。${REVIEW}`,
  'Painful spasm with trigeminal neuralgia on the same side (tic convulsif) is rare (0.37 % of a large series) and needs its cause found.':
    '伴同侧三叉神经痛的疼痛性痉挛（痛性抽搐，tic convulsif）少见（一个大型病例系列中占 0.37 %），需要查明病因。',
  'Tonic contractions without the "other Babinski sign", the mouth angle pulled downward, or spasm that is distractible or suggestible are features of functional (psychogenic) facial spasm.':
    '没有“另一 Babinski 征”的强直性收缩、口角向下牵拉，或可被分散注意力、易受暗示影响的痉挛，是功能性（心因性）面部痉挛的特征。',
  'Neurologist (movement disorders) review to confirm the diagnosis. Specialist review before any treatment.': `请神经内科（运动障碍专业）医生评估以确认诊断。${REVIEW}`,
  'Spasm continuing within a year of MVD (or at an unrecorded time since it) is not yet a failure: relief is often delayed (median 30 days; 10 % at 6–12 months, 3 % after 12 months).':
    'MVD 后一年内（或距 MVD 的时间未记录）痉挛仍在，还不算失败：缓解常常延迟出现（中位 30 天；10 % 在 6–12 个月，3 % 在 12 个月以后）。',
  'Wait and re-assess up to 12 months after the operation; control the spasm with toxin meanwhile if needed. Record when the MVD was.':
    '等待，并在术后 12 个月内复查评估；如有需要，期间可用肉毒毒素控制痉挛。请记录 MVD 的时间。',
  'Spasm persisting 12 months or more after MVD: a missed offending vessel (often distal or venous) or a Teflon granuloma are the usual causes.':
    'MVD 后 12 个月或更久痉挛仍持续：常见原因是遗漏的责任血管（常位于远端或为静脉）或特氟隆（Teflon）肉芽肿。',
  'Repeat MRI and neurosurgical review; redo MVD can be effective.':
    '复查 MRI 并请神经外科评估；再次 MVD 可能有效。',
  'The spasm came back after good relief from MVD: missed compression zones (71.5 % of recurrent cases in one series), a Teflon granuloma or adhesions are the usual causes.':
    'MVD 后曾良好缓解，之后痉挛复发：常见原因是遗漏的压迫部位（一个病例系列中占复发病例的 71.5 %）、特氟隆（Teflon）肉芽肿或粘连。',
  'Repeat MRI and neurosurgical review before a redo MVD; redo MVD can be effective.':
    '再次 MVD 之前复查 MRI 并请神经外科评估；再次 MVD 可能有效。',
  'No relief at all from botulinum toxin, although 85–95 % respond: about 18 % of patients referred as HFS had another condition (a mimic), and the dose, sites or product may be at fault.':
    '肉毒毒素完全无效，而 85–95 % 的患者有反应：转诊为面肌痉挛的患者中约 18 % 实为其他疾病（类似病），也可能是剂量、注射部位或产品的问题。',
  'Check the diagnosis (mimics such as functional spasm, tics, dystonia, myoclonus or hemimasticatory spasm), the dose, the injection sites and the product. Specialist review before any treatment.': `复核诊断（类似病如功能性痉挛、抽动、肌张力障碍、肌阵挛或偏侧咀嚼肌痉挛）、剂量、注射部位和产品。${REVIEW}`,
  'On anticoagulants: the bleeding risk must be managed before MVD or RF.':
    '正在使用抗凝药：在 MVD 或射频之前必须妥善管理出血风险。',
  'Plan stopping or bridging with the prescriber before MVD or RF.':
    '在 MVD 或射频之前，与开药医生一起计划停药或桥接治疗。',

  // ── Ranking rules: the reasons, in the order of ranking-rules.ts ──
  'Botulinum toxin is the standard first-line symptomatic treatment.': '肉毒毒素是标准的一线对症治疗。',
  'MVD is the only treatment aimed at the cause (a vessel compressing the facial nerve); complete resolution in 91.1 % (pooled review).':
    '微血管减压术（MVD）是唯一针对病因（血管压迫面神经）的治疗；痉挛完全消失率 91.1 %（汇总综述）。',
  'Remission without treatment is described as very rare in reviews, but occurred in 41 % of one highly selected untreated cohort.':
    '综述称未经治疗自行缓解非常罕见，但在一个经过高度筛选的未治疗队列中，41 % 的患者出现了缓解。',
  'Oral drugs rest on case reports and small series (very low certainty); response is low and inconsistent.':
    '口服药物的证据仅来自病例报告和小型病例系列（确定性很低）；疗效低且不一致。',
  'RF is a controlled thermal injury of the facial nerve (it does not repair myelin): facial weakness (House–Brackmann II–III) is expected; evidence is low certainty.':
    '射频是对面神经的可控热损伤（并不能修复髓鞘）：预期会出现面部无力（House–Brackmann II–III 级）；证据确定性低。',
  'Spasm confined to the eye (SMC I) and not progressing rapidly: waiting is an option, as some untreated patients remit.':
    '痉挛局限于眼周（SMC I 级）且进展不快：可以选择观察等待，因为部分未治疗的患者会自行缓解。',
  'Oral drugs may help early or mild HFS (SMC I–II), though the effect often fades.':
    '口服药物可能对早期或轻度面肌痉挛（SMC I–II 级）有帮助，但效果常会减弱。',
  'Frequent tonic spasms interfering with vision or disfiguring asymmetry (SMC III–IV).':
    '频繁的强直性痉挛影响视物，或面部不对称影响容貌（SMC III–IV 级）。',
  'Oral drugs are suggested only for early or mild HFS.': '口服药物仅建议用于早期或轻度面肌痉挛。',
  'Severe spasm does not predict a worse MVD outcome, but does predict delayed facial palsy.':
    '痉挛严重并不预示 MVD 疗效较差，但预示迟发性面瘫。',
  'Rapid progression: spasm spreads to other muscles on the same side in about 93 %.':
    '进展迅速：约 93 % 的患者痉挛会扩展到同侧其他肌肉。',
  'A lasting cure is wanted and MVD is the only causal treatment.':
    '希望获得持久治愈，而 MVD 是唯一针对病因的治疗。',
  'Toxin is symptomatic: injections are repeated every 3–4 months.':
    '肉毒毒素只是对症治疗：需每 3–4 个月重复注射。',
  'RF relief lasts about a year per procedure; repeats are common.':
    '每次射频治疗的缓解约持续一年；常需重复治疗。',
  'Surgery is to be avoided, and MVD is open skull-base surgery (suboccipital craniectomy).':
    '希望避免手术，而 MVD 是开放性颅底手术（枕下开颅术）。',
  'RF is percutaneous (a needle guided by CT), not open surgery.':
    '射频是经皮操作（在 CT 引导下进针），不是开放手术。',
  'General anaesthesia is to be avoided, and MVD is done under general anaesthesia.':
    '希望避免全身麻醉，而 MVD 需在全身麻醉下进行。',
  'RF is done awake, under local anaesthesia or minimal sedation.':
    '射频在清醒状态下进行，采用局部麻醉或轻度镇静。',
  'Low tolerance of risk: MVD carries permanent hearing loss in 2.3 % and facial palsy in 0.9 %.':
    '对风险的承受度低：MVD 导致永久性听力丧失 2.3 %、面瘫 0.9 %。',
  'Low tolerance of risk: facial weakness (House–Brackmann II–III) follows RF in most patients (60–91 %).':
    '对风险的承受度低：大多数患者（60–91 %）射频后会出现面部无力（House–Brackmann II–III 级）。',
  'High tolerance of risk: about 3 % permanent complications for a chance of cure.':
    '对风险的承受度高：以约 3 % 的永久性并发症换取治愈的机会。',
  'Age alone does not predict MVD complications (national 30-day data).':
    '单凭年龄不能预测 MVD 并发症（全国 30 天数据）。',
  'Cure rates are similar at 70 and over (effective 90.4 % vs 91.1 % under 70).':
    '70 岁及以上患者的治愈率相近（有效率 90.4 %，而 70 岁以下为 91.1 %）。',
  'At 60 and over one large cohort found more ear and hearing complications after MVD: counsel about hearing and monitor it (BAEP) during surgery.':
    '一个大型队列发现，60 岁及以上的患者 MVD 后耳部和听力并发症较多：应就听力进行告知，并在术中监测听力（BAEP）。',
  'ASA III independently predicts adverse events and longer stay after MVD.':
    'ASA III 级独立预测 MVD 后的不良事件和住院时间延长。',
  'ASA IV or worse predicts adverse events after MVD.': 'ASA IV 级及以上预测 MVD 后的不良事件。',
  'Elective skull-base surgery at ASA IV or worse is not advised.': 'ASA IV 级及以上不建议择期颅底手术。',
  'ASA V: elective surgery for HFS is not appropriate.': 'ASA V 级：不宜为面肌痉挛进行择期手术。',
  'ASA V: elective procedures for HFS are not appropriate.': 'ASA V 级：不宜为面肌痉挛进行择期治疗操作。',
  'RF is used mainly for people who are not surgical candidates or who relapse after MVD.':
    '射频主要用于不适合手术或 MVD 后复发的患者。',
  'Toxin side effects are temporary: the low-risk option when surgical risk is high.':
    '肉毒毒素的副作用是暂时的：手术风险高时，它是低风险的选择。',
  'Frailty predicts adverse discharge disposition after MVD.': '衰弱预示 MVD 后出院去向不良。',
  'Diabetes predicts readmission after MVD.': '糖尿病预示 MVD 后再入院。',
  'Anticoagulation raises bleeding risk and must be managed around surgery.':
    '抗凝治疗增加出血风险，围手术期必须妥善管理。',
  'Anticoagulation must be managed around a needle procedure.': '穿刺操作前后必须妥善管理抗凝治疗。',
  'On anticoagulants: plan stopping or bridging with the prescriber before surgery.':
    '正在使用抗凝药：手术前与开药医生一起计划停药或桥接治疗。',
  'On anticoagulants: plan stopping or bridging with the prescriber before the procedure.':
    '正在使用抗凝药：治疗操作前与开药医生一起计划停药或桥接治疗。',
  'Hearing is already lost on the other side: the 2.3 % risk of permanent hearing loss from MVD falls on the only hearing ear.':
    '对侧听力已经丧失：MVD 导致永久性听力丧失的 2.3 % 风险将落在唯一有听力的耳朵上。',
  'Only after specialist counselling about the only hearing ear.':
    '仅在专科医生就唯一有听力的耳朵进行告知之后。',
  'During pregnancy elective treatment is usually deferred.': '妊娠期间通常推迟择期治疗。',
  'Safety of toxin in pregnancy is not covered by the evidence used here.':
    '这里采用的证据未涉及妊娠期使用肉毒毒素的安全性。',
  'Anticonvulsants in pregnancy need specialist advice; evidence for HFS is weak anyway.':
    '妊娠期使用抗癫痫药需要专科意见；而且其治疗面肌痉挛的证据本来就很弱。',
  'Elective surgery is deferred during pregnancy.': '妊娠期间推迟择期手术。',
  'Elective CT-guided procedures are deferred during pregnancy.': '妊娠期间推迟择期的 CT 引导操作。',
  'Toxin worked before (each dose wears off after about 3 months by design), and its effect does not wane over repeated cycles.':
    '肉毒毒素以前有效（每次剂量按其作用方式在约 3 个月后消退），且其效果不会随多次重复注射而减弱。',
  'No response to toxin before, although 85–95 % respond: review the diagnosis, dose and injection sites.':
    '以前对肉毒毒素无反应，而 85–95 % 的患者有反应：请复核诊断、剂量和注射部位。',
  'Only one cycle without effect (or the number is not recorded): the dose is adjusted over the first years (it rises for about 3.5 years, then stabilises), so another adjusted cycle may be tried once the diagnosis is checked.':
    '仅一个周期无效（或周期数未记录）：最初几年中剂量会逐步调整（约 3.5 年内逐渐增加，然后稳定），因此在复核诊断后可再试一个调整后的周期。',
  'No relief at all from toxin: check the diagnosis (about 18 % of referred patients had a mimic), the dose, the sites and the product before surgery.':
    '肉毒毒素完全无效：手术前请复核诊断（约 18 % 的转诊患者实为类似病）、剂量、注射部位和产品。',
  'Surgery waits until the diagnosis and the toxin treatment have been checked.':
    '在复核诊断和肉毒毒素治疗之前，暂缓手术。',
  'Toxin failed although the diagnosis and the injections were checked; MVD treats the cause.':
    '在复核诊断和注射之后肉毒毒素仍然无效；MVD 针对病因治疗。',
  'Toxin was not tolerated before (temporary facial weakness follows 17.9 % of patients).':
    '以前不能耐受肉毒毒素（17.9 % 的患者注射后出现暂时性面部无力）。',
  'Symptomatic treatment was not tolerated; MVD treats the cause.': '不能耐受对症治疗；MVD 针对病因治疗。',
  'Toxin gave only partial control; MVD treats the cause.': '肉毒毒素只能部分控制症状；MVD 针对病因治疗。',
  'An oral drug helped before; the effect often fades over time, so review it regularly.':
    '某种口服药物以前有效；其效果常随时间减弱，因此应定期复查评估。',
  'Oral drugs failed or were not tolerated before; response to them is low in general.':
    '以前口服药物无效或不能耐受；总体而言口服药物的有效率本来就低。',
  'Another trial of weakly supported drugs is not advised after failure.':
    '失败后不建议再次尝试证据薄弱的药物。',
  'Spasm within a year of MVD is not yet a failure: relief is often delayed (3 % only after 12 months), so a redo MVD is not the next step.':
    'MVD 后一年内的痉挛还不算失败：缓解常常延迟出现（3 % 在 12 个月以后才缓解），因此下一步不是再次 MVD。',
  'Waiting is favoured: relief after MVD often comes late (14 % at 3–6 months, 10 % at 6–12).':
    '倾向于等待：MVD 后的缓解常常来得较晚（14 % 在 3–6 个月，10 % 在 6–12 个月）。',
  'Toxin, the first-line symptomatic treatment, can control the spasm while relief is awaited.':
    '等待缓解期间，可以用一线对症治疗肉毒毒素控制痉挛。',
  'Spasm persists or came back after MVD; redo MVD can work (missed compression zones) but is a second operation.':
    'MVD 后痉挛持续或复发；再次 MVD 可能有效（遗漏的压迫部位），但这是第二次手术。',
  'A redo MVD comes only after a repeat MRI and a neurosurgical review.':
    '只有在复查 MRI 并经神经外科评估之后，才考虑再次 MVD。',
  'RF is used mainly for people who are not surgical candidates or who relapse after MVD (67 % of one series had prior MVD).':
    '射频主要用于不适合手术或 MVD 后复发的患者（一个病例系列中 67 % 的患者曾行 MVD）。',
  'RF worked before; repeat procedures are common (61 % repeated).':
    '射频以前有效；常需重复治疗（61 % 需要重复）。',
  'RF failed or was not tolerated before.': '以前射频无效或不能耐受。',
  'MRI shows a vessel–nerve conflict, the cause MVD treats (contact is also seen in people without symptoms, so it supports rather than proves the diagnosis).':
    'MRI 显示血管–神经冲突，这正是 MVD 所治疗的病因（无症状的人也可见到血管接触，因此它支持而不能证实诊断）。',
  'MRI shows no conflict; MRI is positive in only about half of cases and a negative MRI does not rule out surgery.':
    'MRI 未显示冲突；MRI 仅在约一半的病例中呈阳性，MRI 阴性并不排除手术。',
  'A large series recommends MVD as the treatment of choice under age 30.':
    '一个大型病例系列推荐 30 岁以下的患者首选 MVD。',
  'A lesion on MRI is managed first; MVD for primary HFS does not treat it.':
    '应先处理 MRI 上的病变；针对原发性面肌痉挛的 MVD 不能治疗该病变。',
  'A lesion on MRI is managed first; RF only injures the nerve distally.':
    '应先处理 MRI 上的病变；射频只是在远端损伤神经。',
  'A red flag calls for specialist review before any treatment: no option is preferred until a clinician records that review.':
    '有红旗征需要在任何治疗前请专科评估：在医生记录已完成评估之前，不会将任何选择列为首选。',
  'Under 18 the evidence for the ranking comes from adults: no procedure is preferred.':
    '未满 18 岁时排序所依据的证据来自成人：不将任何手术或操作列为首选。',
  'A parotid or temporal-bone lesion is managed first; MVD at the brainstem does not treat it.':
    '应先处理腮腺或颞骨病变；在脑干处进行的 MVD 不能治疗它。',
  'A parotid or temporal-bone lesion is managed first; RF there would injure the nerve near it.':
    '应先处理腮腺或颞骨病变；在该处进行射频会损伤其附近的神经。',
  'Features of functional spasm: the diagnosis is confirmed before any operation on the nerve.':
    '有功能性痉挛的特征：在对神经进行任何手术之前先确认诊断。',
  'Features of functional spasm: the diagnosis is confirmed before any injury to the nerve.':
    '有功能性痉挛的特征：在对神经造成任何损伤之前先确认诊断。',
  'Spasm on both sides needs the diagnosis confirmed before a one-sided operation.':
    '双侧痉挛需先确认诊断，再考虑单侧手术。',
  'Spasm on both sides needs the diagnosis confirmed before a one-sided procedure.':
    '双侧痉挛需先确认诊断，再考虑单侧治疗操作。',
  'MRI is needed first, to exclude secondary causes and plan surgery.':
    '需要先做 MRI，以排除继发性病因并规划手术。',
  'MRI is needed first, to exclude secondary causes.': '需要先做 MRI，以排除继发性病因。',
  'After facial palsy or injury the movements may be synkinesis, which MVD does not treat.':
    '面瘫或面部损伤之后，这些运动可能是联带运动，而 MVD 不能治疗联带运动。',
  'Post-paralytic spasm is managed differently from primary HFS: MVD is not advised, even after review.':
    '面瘫后痉挛的处理与原发性面肌痉挛不同：即使经过评估也不建议 MVD。',
  'Post-paralytic spasm is managed differently from primary HFS: RF would injure an already injured nerve, and is not advised even after review.':
    '面瘫后痉挛的处理与原发性面肌痉挛不同：射频会进一步损伤已受损的神经，即使经过评估也不建议。',
  'In post-paralytic spasm one protocol uses a lower dose per site (1.5 U instead of 2 U).':
    '对于面瘫后痉挛，有一种方案在每个注射点使用较低剂量（1.5 U 而非 2 U）。',
  'Facial weakness before surgery predicted persistent spasm after MVD in one series.':
    '在一个病例系列中，术前面部无力预示 MVD 后痉挛持续。',
  'RF adds House–Brackmann II–III weakness to a face that is already weak.':
    '射频会在本已无力的面部再造成 House–Brackmann II–III 级无力。',

  // ── The caveat of a partly verified or unverified source (engine.ts) ──
  'Partly verified: check against the primary source before relying on it.':
    '部分核实：采用之前请与原始文献核对。',
  'Unverified: not found in the sources retrieved; a clinician must confirm it.':
    '未核实：在检索到的文献中未找到出处；须由医生确认。',

  // ── The disclaimer (disclaimer.ts) ──
  'This decision aid supports, and does not replace, the judgement of a physician. It orders the options from published evidence, each figure with its source; figures come from single studies or reviews, with their own definitions and time points. Figures marked partly verified or unverified must be checked against the primary source. Discuss every option with your treating physician.':
    '本决策辅助为医生的判断提供支持，但不能取代医生的判断。它依据已发表的证据对各选择排序，每个数字都注明来源；这些数字来自单项研究或综述，各有其定义和时间点。标为“部分核实”或“未核实”的数字必须与原始文献核对。请与您的主治医生讨论每一种选择。',
};

/**
 * Any text the engine puts in a result, in the UI language: the reviewed translation, or core's English
 * with `lang: 'en'` so the page can mark it (a record computed by an older engine may hold text that has
 * since changed).
 */
export function engineText(text: string, language: string): { text: string; lang?: 'en' } {
  if (!language.startsWith('zh')) return { text };
  const zh = ENGINE_ZH[text] ?? CATALOGUE_ZH[text];
  return zh === undefined ? { text, lang: 'en' } : { text: zh };
}
