// Entries of @2toad/profanity's word lists that are not insults. Its lists beyond English are
// machine translations of the English one, so they hold everyday words ("pomme", "vamos",
// "电话"), given names ("Claire", "मोहन", "パトリック") and leftovers ("5 heures"). Names are
// single words, so each of these would refuse someone for nothing. Structural leftovers (no
// letters, one letter, digits inside other scripts) are dropped by rule in server/name-filter.ts;
// these are the rest, found by reading the lists. The English list keeps everything but names.

/** One string per language, "|" between entries (some entries have spaces). */
const words = (list: string): string[] => list.split("|");

/** Names and words the English list holds that are names too (Wang, Willy, Fanny, Cox…). */
// prettier-ignore
const ENGLISH = words(
  "wang|willy|willies|fanny|cox|kock|pawn|hoar|dink|dinks"
);

// prettier-ignore
const GERMAN = words(
  "glocke|hündchen|metzger|blasen|knochen|fehler|kokos|mist|kümmel|stiche|hunde|phantasievoll|" +
  "flat|flansch|ziegen|hor|huhn|ausleger|knüppel|lustig|knospen|pfoten|felgen|schrauben|samen|" +
  "geschlecht|schlitten|splitter|scherben|shank|dord|wahnsinn|verzögert|nüsse|in %"
);

// prettier-ignore
const SPANISH = words(
  "aus|entendido|colibrí|cuñada|cuñas|cibernético|perro|grasa|caído|dedo|dedos|brida|fusibles|" +
  "cabra|caliente|más caliente|kno|bigotes|nueces|peón|tornillo|temblando|sunk|titular|hueso|" +
  "bestia|a dólares"
);

// prettier-ignore
const FRENCH = words(
  "ânes|c'est ça|en dollars|clocher|bête|sanglant|pipe|pipes|cliquetis|osseux|bouchons|" +
  "boucliers|gros plan|chine|nut|coq|coqs|pomme|pâte|évier|éviers|doux|duché|pour|" +
  "signalisation|peaux|gras|feu|feuillage|infesté|taux de chute|farcis|fusils|bride|bandes|" +
  "caprins|seigneur|arnaque|attaque|sabots|thorax|décollage|bouton|boutons|boutonné|lustre|" +
  "maître|les|engourdissements|sur gage|pic|pique|purée|ouvrés|ouvrage|maquereau|en colère|" +
  "pousse|tablier|les briques|jante|vissage|- oui|s'il vous plaît|sciages|croûte|titre|lancer|" +
  "tuyau|détecteur|gland|souris|et toi|excité"
);

// prettier-ignore
const PORTUGUESE = words(
  "amigos|boa sorte|bolo|osso|mas..|claire|clérigos|amendoim|galão|carpinteiro|colheitadeira|" +
  "cláudia|de verão|com licença|cúpula|não sei|o que é isso|incômodo|cúmplices|cãozinho|- não|" +
  "duquesa|fantoche|cortina|eu sei|jogos de vestir|raios|tudo bem|júnior|botão|- sim|" +
  "laboratório|brilho|lustrando|o que fazer|o que se passa|o que foi|o que é|" +
  "o que é que se passa|boa noite|nozes|pão|a tremer|miúda|miúdo|pias|imposição|por favor|bar|" +
  "puxa|puxas|retirada|bordas|parafusos|mais|brilhante|titã|titãs|turva|via satélite|vamos|" +
  "não|julgo|o quê|- o quê|sangrento|arrumos|cabras"
);

// prettier-ignore
const ITALIAN = words(
  "regina|mona|pesce|battere|tirare|monta|montare|nave scuola|quaglia|spagnola|cadavere|" +
  "bagnarsi|fava|pompa|vangare|biga"
);

// prettier-ignore
const RUSSIAN = words(
  "ван|вес|душ|фото|кекс|голова|женщина|паук|мешок|шары|колокольчик|полный|кровавый|буйвол|" +
  "топор|ерунда|кнут|кокс|колоть|щекотать|герцог|дамба|собака|собачий|толстый|грязь|сорняк|" +
  "обман|приправа|бандаж|хриплый|кабак|горшок|мотыга|обнимать|рог|роговой|отсрочка|рывок|" +
  "яблочный|бегство|шипение|лаять|ручка|кнопка|стучать|лабиринт|мафия|молоток|мотылек|усатый|" +
  "гайка|пешка|телефоны|порох|поршни|сосульки|уколы|наклон|лоб|горло|писать|дрожать|смута|пак|" +
  "трость|тестовый|мухи|волей|вялый|грудь|вор"
);

// prettier-ignore
const ARABIC = words(
  "الحصان|الكرة|الكرات|كرات|الجرس|العظام|مقهى|الطهي|الكلب|الإنترنت(ج)|الخيال|المهرجان|الرأس|" +
  "المختبرات|سيدي|الهواتف الجنسية|الخوخ|حانة|شجر|دولار"
);

// prettier-ignore
const HINDI = words(
  "मोहन|हिन्दी|हिंदी|चाचा|माँ|माताओं|बेटा|बगीचा|मंदिर|झरना|बिल्ली|राशि|देवी|देवता|इच्छा|कुम्भ|" +
  "जानवर|गेंद|गेंदों|वांग|सिर|हड्डी|होम|घंटी|श्रेष्ठ|श्रेष्ठता|पोप|टट्टू|अखरोट|केकड़ा|समानता|" +
  "चमकना|पतला|बकरी|झरना"
);

// prettier-ignore
const JAPANESE = words(
  "ボブ|パブ|ヤギ|ノブ|性別|ベスト|パスワード|ログイン|パトリック|おばあさん|ガールフレンド|プロフィール|メニュー|パーティー|スタッフ|トピックス|人気カテゴリー|クルミ|" +
  "ダイニング|ダック|電子メール|フォーク|フィードバック|ファクシミリ|ギャング|ふりがな|ポップ|ピクチャー|ピッキング|フィッシング|リクルート|スクリュー|お問い合わせ|" +
  "ツイート|サイトマップ|インタビュー|インフォメーション|ソリューション|リファレンス|ブーツ|ベルン|シャガール|シェーディング|シッター|つぶやき|落ち着き"
);

// prettier-ignore
const KOREAN = words(
  "엄마|한국어|배틀그라운드|뼈|스펀지|프로젝트|팟캐스트|사이트맵|카테고리|장바구니|회사 소개|제품 정보|제품정보|채용 정보|채용정보|인기있는|스낵 바|채용공고|" +
  "인기 카테고리|관련 기사|모든 새|펌웨어|뉴스 레터|맨 위로|주 메뉴|메뉴 닫기|견과류|관련 제품|스크랩|시험대|옵션 정보|노브|뱅커"
);

// prettier-ignore
const CHINESE = words(
  "中国|贾宝玉|威尔|库克|皮肤|铃声|质量|双节|骨头|果实|公鸡|铜|缩写|积分|弯曲|低调|叮当|射线|标记|风扇|鸡肉|欢呼|指头|拳头|花纹|烟花|头部|吼声|高尔|坐标|" +
  "针叶|旋钮|键盘|宽度|库姆|单位|半径|高级|掌握|马夫|无趣|无名|质子|矫形|电话|发球|福尔|划开|摇摆|发声|专业|旋转|划伤|切开|小时|萨格|抖动|变形|闪烁|沉积|" +
  "吨数|垫子|测试|转数|闲着|虚无|妇人|吉兹|杜许|杜彻|堤坝|养狗|狗语|热性|角质|迷恋|齐巴|乌克|普丝|调味料|连环画|已锁定|啄木鸟|鸡尾酒|最佳状态|二极管|扇形叶片|" +
  "细小的叶片"
);

export const NOT_INSULTS: readonly string[] = [
  ...ENGLISH,
  ...GERMAN,
  ...SPANISH,
  ...FRENCH,
  ...PORTUGUESE,
  ...ITALIAN,
  ...RUSSIAN,
  ...ARABIC,
  ...HINDI,
  ...JAPANESE,
  ...KOREAN,
  ...CHINESE,
];
