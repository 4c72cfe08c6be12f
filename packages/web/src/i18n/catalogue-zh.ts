/**
 * Simplified Chinese for the decision engine's option catalogue (packages/core, decision/option-catalogue.ts).
 * The figures and sources live in core, in English; this maps each English string to its translation.
 * test/catalogue-zh.test.ts fails when core adds or changes a string, or when a number differs, so a
 * translation can never silently drift from the figure it translates.
 */
export const CATALOGUE_ZH: Readonly<Record<string, string>> = {
  'Observation (no treatment for now)': '观察（暂不治疗）',
  'Highly selected cohort: 82.8 % of the original cohort had MVD and were excluded; reviews describe remission without treatment as very rare.':
    '高度筛选的队列：原始队列中 82.8 % 的患者接受了 MVD 而被排除；综述称未经治疗的自行缓解非常罕见。',
  'Remission without treatment, as reviews describe it': '综述对未经治疗自行缓解的描述',
  'very rare': '非常罕见',
  'Untreated patients followed for years (a highly selected cohort)':
    '随访多年的未治疗患者（高度筛选的队列）',
  '41.3 % remission, 38.5 % stable, 10.6 % worse (104 patients)':
    '41.3 % 缓解，38.5 % 稳定，10.6 % 加重（104 名患者）',
  'followed ≥5 years; remission mean 6.4 years after onset': '随访 ≥5 年；缓解平均发生在起病后 6.4 年',
  'Natural-history data conflict: remission called "very rare" in reviews, common in one selected cohort.':
    '自然病程数据相互矛盾：综述称自行缓解“非常罕见”，而一个经过筛选的队列中缓解较常见。',
  'No treatment-related risk; spontaneous remission in untreated patients (highly selected cohort)':
    '没有治疗相关风险；未治疗患者中的自行缓解（高度筛选的队列）',
  '41.3 % remission (104 patients)': '41.3 % 缓解（104 名患者）',
  'followed ≥5 years; mean 6.4 years after onset': '随访 ≥5 年；平均在起病后 6.4 年',
  'Spread of spasm to other muscles on the same side of the face': '痉挛扩展到同侧面部的其他肌肉',
  '93.4 % (178 patients)': '93.4 %（178 名患者）',
  'over the course of the disease': '在病程中',
  'Oral medication (e.g. carbamazepine, clonazepam, gabapentin)':
    '口服药物（如卡马西平、氯硝西泮、加巴喷丁）',
  'Case reports and small case series only; no HFS-specific evidence for pregabalin.':
    '仅有病例报告和小型病例系列；没有普瑞巴林治疗面肌痉挛的专门证据。',
  'Response to oral drugs': '对口服药物的反应',
  'low and inconsistent; evidence "almost exclusively anecdotal" (no rate established)':
    '低且不一致；证据“几乎完全是个案”（无确定的比例）',
  'the effect tends to fade over time': '效果往往随时间减弱',
  'Gabapentin 900–1,600 mg/day helped in a case series': '在一个病例系列中，加巴喷丁 900–1,600 mg/天有帮助',
  '5 patients (no response rate can be derived)': '5 名患者（无法得出有效率）',
  'case-series follow-up': '病例系列的随访期',
  'Side effects and low efficacy limit anticonvulsants and baclofen':
    '副作用和疗效低限制了抗癫痫药和巴氯芬的使用',
  'no rates established': '无确定的比例',
  'while taking the drug': '服药期间',
  'The effect often fades': '效果常会减弱',
  'no rate established': '无确定的比例',
  'over time, while taking the drug': '服药期间，随时间推移',
  'Botulinum toxin injections': '肉毒毒素注射',
  'Observational studies and guideline Level C (AAN 2008); no parallel-group RCTs (Cochrane 2020).':
    '观察性研究和指南 C 级推荐（AAN 2008）；没有平行组随机对照试验（Cochrane 2020）。',
  'Moderate-to-marked relief': '中度至显著缓解',
  '85–95 %': '85–95 %',
  'per injection cycle': '每个注射周期',
  'Onset of effect': '起效时间',
  'about 4 days (median 4 d)': '约 4 天（中位数 4 天）',
  'after each injection': '每次注射后',
  'Duration of effect; injections are repeated': '疗效持续时间；需要重复注射',
  'about 3–4 months': '约 3–4 个月',
  'per injection; repeat every 3–4 months': '每次注射；每 3–4 个月重复一次',
  'Duration of effect in HFS': '面肌痉挛中的疗效持续时间',
  'median 12 weeks (70 HFS patients)': '中位数 12 周（70 名面肌痉挛患者）',
  'per injection; no loss of duration over repeated cycles': '每次注射；多次重复后持续时间不缩短',
  'Temporary facial weakness on the injected side': '注射侧暂时性面部无力',
  '17.9 % (151 patients)': '17.9 %（151 名患者）',
  'after an injection, wears off': '注射后出现，会逐渐消退',
  'Temporary drooping of the eyelid (ptosis)': '暂时性眼睑下垂',
  '3.3 % (151 patients)': '3.3 %（151 名患者）',
  '12 % of treatments': '12 % 的治疗次数',
  'after an injection': '注射后',
  'Ptosis per treatment in an older series (blepharospasm and HFS together)':
    '较早病例系列中按治疗次数计的眼睑下垂（眼睑痉挛与面肌痉挛合计）',
  'Symptomatic only: spasm returns as each dose wears off': '仅控制症状：每次药效消退后痉挛会复发',
  'lifelong repeat injections': '需要长期反复注射',
  'every 3–4 months': '每 3–4 个月',
  'Microvascular decompression (MVD) surgery': '微血管减压术（MVD）',
  'Large series and systematic reviews; no RCTs.': '大型病例系列和系统综述；没有随机对照试验。',
  'Complete resolution of the spasm (pooled, 22 studies, 5,685 patients)':
    '痉挛完全消失（汇总 22 项研究，5,685 名患者）',
  '91.1 %': '91.1 %',
  'median 2.9 years after surgery': '术后中位 2.9 年',
  'Complete resolution (pooled long-term, 27 studies)': '完全消失（长期汇总，27 项研究）',
  '88.5 % (95 % CI 86.7–90.4)': '88.5 %（95 % 置信区间 86.7–90.4）',
  'long-term follow-up': '长期随访',
  'Relief is often delayed (not a failure)': '缓解常常延迟出现（并非失败）',
  'median 30 days to spasm-free; 35 % within 7 days, 14 % at 3–6 months, 3 % after 12 months':
    '中位 30 天达到无痉挛；35 % 在 7 天内，14 % 在 3–6 个月，3 % 在 12 个月以后',
  'weeks to more than 12 months after surgery': '术后数周至 12 个月以上',
  Recurrence: '复发',
  '2.4 % (1.2 % repeat MVD)': '2.4 %（1.2 % 再次行 MVD）',
  'Late recurrence': '晚期复发',
  'about 1 % once spasm-free; 86 % of recurrences occur within 2 years':
    '无痉挛后约 1 %；86 % 的复发发生在 2 年内',
  'after 2 spasm-free years': '无痉挛 2 年之后',
  'Permanent complications: hearing loss; facial palsy; stroke; death':
    '永久性并发症：听力丧失；面瘫；卒中；死亡',
  'hearing loss 2.3 %; facial palsy 0.9 %; stroke <0.1 %; death <0.1 %':
    '听力丧失 2.3 %；面瘫 0.9 %；卒中 <0.1 %；死亡 <0.1 %',
  permanent: '永久性',
  'Permanent complications, all together': '永久性并发症合计',
  'about 3 %': '约 3 %',
  "The review's permanent hearing loss (2.3 %), facial palsy (0.9 %), stroke and death (<0.1 % each) add up to about 3 %; a prospective series found 2.9 % (hearing loss, mild hoarseness).":
    '该综述中的永久性听力丧失（2.3 %）、面瘫（0.9 %）、卒中和死亡（各 <0.1 %）合计约 3 %；一项前瞻性病例系列为 2.9 %（听力丧失、轻度声音嘶哑）。',
  'Transient complications: facial palsy; hearing deficit; CSF leak':
    '暂时性并发症：面瘫；听力下降；脑脊液漏',
  'facial palsy 9.5 %; hearing deficit 3.2 %; CSF leak 1.4 %': '面瘫 9.5 %；听力下降 3.2 %；脑脊液漏 1.4 %',
  'transient, after surgery': '术后暂时性',
  'Any adverse event; readmission; mortality (all MVD indications, national data)':
    '任何不良事件；再入院；死亡率（所有 MVD 适应证，全国数据）',
  'any adverse event 9.2 %; readmission 6.8 %; mortality 0.3 %':
    '任何不良事件 9.2 %；再入院 6.8 %；死亡率 0.3 %',
  'within 30 days of surgery': '术后 30 天内',
  'Radiofrequency (RF) neurotomy at the stylomastoid foramen': '茎乳孔处面神经射频（RF）毁损',
  'Small single-centre or retrospective series, mostly one group, short follow-up.':
    '小型单中心或回顾性病例系列，大多来自同一团队，随访时间短。',
  'Complete relief after CT-guided RF (a controlled thermal injury of the facial nerve, not a repair)':
    'CT 引导射频后完全缓解（对面神经的可控热损伤，而不是修复）',
  '91 % (48 of 53)': '91 %（53 例中 48 例）',
  'follow-up up to 19 months': '随访最长 19 个月',
  'at 3 / 6 / 9 months': '在 3 / 6 / 9 个月时',
  'How long relief lasts after RF (still effective)': '射频后缓解能持续多久（仍然有效的比例）',
  '95.2 % / 76.0 % / 49.7 %; median 12 months': '95.2 % / 76.0 % / 49.7 %；中位 12 个月',
  'Relief per procedure (most patients had prior MVD)': '每次治疗的缓解时间（多数患者曾行 MVD）',
  '11.3 ± 11.9 months': '11.3 ± 11.9 个月',
  'per procedure': '每次治疗',
  'in most patients (60–91 %)': '大多数患者（60–91 %）',
  'after the procedure; resolved within 1–4 months in the first series, by 6 months in another':
    '治疗后出现；在最早的病例系列中 1–4 个月内恢复，在另一个病例系列中 6 个月内恢复',
  '60 % in the first series (27 patients) and 91 % (48 of 53) in the CT-guided series; two other series report it in every patient (68 patients; 18 patients).':
    '最早的病例系列中为 60 %（27 名患者），CT 引导的病例系列中为 91 %（53 例中 48 例）；另有两个病例系列报告所有患者均出现（68 名患者；18 名患者）。',
  'Facial weakness House–Brackmann II–III (expected: the nerve is deliberately injured)':
    '面部无力 House–Brackmann II–III 级（预期之中：神经被有意损伤）',
  'about 12 % (8 of 68)': '约 12 %（68 例中 8 例）',
  'over 1–24 months': '在 1–24 个月内',
  'Repeat procedures': '重复治疗',
  '61 % repeated; mean 3.3 procedures per patient': '61 % 需要重复；平均每名患者 3.3 次',
  'over follow-up': '随访期间',
  'Recurrence compared with MVD (non-randomised)': '与 MVD 相比的复发（非随机）',
  'significantly higher than after MVD': '明显高于 MVD 术后',
  'at 3, 6 and 12 months': '在 3、6 和 12 个月时',
};
