#!/usr/bin/env bash
# Tokens per word by script for docs/benchmarks.md, with `grounded cost estimate --json` (o200k_base):
#  1. one paragraph in 14 languages (the same content, translated for this benchmark): what each language costs
#     relative to English for the same text;
#  2. larger monolingual corpora: the repository's docs/ and, when present, SciFact's abstracts and the
#     deepset prompt-injection set (English and German) from ../shared/data.
# Usage: bench/tokens-per-script.sh [DATA_DIR]   (default ../shared/data). Needs jq.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
dotnet build -c Release src/Grounded.Cli -o "$WORK/cli" --nologo -v quiet >/dev/null
CLI="$WORK/cli/grounded"
mkdir "$WORK/p"
w() { printf '%s\n' "$2" > "$WORK/p/$1.txt"; }
w en "The committee met on Tuesday to review the budget for next year. After a long discussion, the members agreed to increase spending on public libraries and to reduce the cost of administration. The decision will be published next week, and citizens may comment on it until the end of the month."
w de "Der Ausschuss trat am Dienstag zusammen, um den Haushalt für das nächste Jahr zu prüfen. Nach einer langen Diskussion einigten sich die Mitglieder darauf, die Ausgaben für öffentliche Bibliotheken zu erhöhen und die Verwaltungskosten zu senken. Die Entscheidung wird nächste Woche veröffentlicht, und die Bürger können sie bis Ende des Monats kommentieren."
w fr "Le comité s'est réuni mardi pour examiner le budget de l'année prochaine. Après une longue discussion, les membres ont convenu d'augmenter les dépenses consacrées aux bibliothèques publiques et de réduire les coûts administratifs. La décision sera publiée la semaine prochaine et les citoyens pourront la commenter jusqu'à la fin du mois."
w es "El comité se reunió el martes para revisar el presupuesto del próximo año. Tras un largo debate, los miembros acordaron aumentar el gasto en bibliotecas públicas y reducir los costes de administración. La decisión se publicará la próxima semana y los ciudadanos podrán comentarla hasta final de mes."
w ru "Комитет собрался во вторник, чтобы рассмотреть бюджет на следующий год. После долгого обсуждения члены комитета согласились увеличить расходы на публичные библиотеки и сократить административные расходы. Решение будет опубликовано на следующей неделе, и граждане смогут комментировать его до конца месяца."
w el "Η επιτροπή συνεδρίασε την Τρίτη για να εξετάσει τον προϋπολογισμό του επόμενου έτους. Μετά από μακρά συζήτηση, τα μέλη συμφώνησαν να αυξήσουν τις δαπάνες για τις δημόσιες βιβλιοθήκες και να μειώσουν το διοικητικό κόστος. Η απόφαση θα δημοσιευθεί την επόμενη εβδομάδα και οι πολίτες μπορούν να τη σχολιάσουν έως το τέλος του μήνα."
w zh "委员会于星期二开会，审查明年的预算。经过长时间的讨论，成员们同意增加公共图书馆的开支，并减少行政费用。该决定将于下周公布，市民可以在月底之前对其发表意见。"
w ja "委員会は火曜日に開かれ、来年度の予算を審議した。長い議論の末、委員たちは公立図書館への支出を増やし、管理費を削減することで合意した。この決定は来週公表され、市民は月末までに意見を述べることができる。"
w ko "위원회는 화요일에 회의를 열어 내년 예산을 검토했다. 오랜 논의 끝에 위원들은 공공 도서관에 대한 지출을 늘리고 행정 비용을 줄이기로 합의했다. 이 결정은 다음 주에 발표될 예정이며, 시민들은 이달 말까지 의견을 제출할 수 있다."
w ar "اجتمعت اللجنة يوم الثلاثاء لمراجعة ميزانية العام المقبل. وبعد نقاش طويل، اتفق الأعضاء على زيادة الإنفاق على المكتبات العامة وخفض التكاليف الإدارية. وسيُنشر القرار الأسبوع المقبل، ويمكن للمواطنين التعليق عليه حتى نهاية الشهر."
w he "הוועדה התכנסה ביום שלישי כדי לבחון את התקציב לשנה הבאה. לאחר דיון ארוך, החברים הסכימו להגדיל את ההוצאה על ספריות ציבוריות ולצמצם את עלויות המינהל. ההחלטה תפורסם בשבוע הבא, והאזרחים יוכלו להגיב עליה עד סוף החודש."
w hi "समिति ने अगले वर्ष के बजट की समीक्षा के लिए मंगलवार को बैठक की। लंबी चर्चा के बाद, सदस्य सार्वजनिक पुस्तकालयों पर खर्च बढ़ाने और प्रशासन की लागत कम करने पर सहमत हुए। निर्णय अगले सप्ताह प्रकाशित किया जाएगा, और नागरिक महीने के अंत तक इस पर टिप्पणी कर सकते हैं।"
w th "คณะกรรมการประชุมกันในวันอังคารเพื่อพิจารณางบประมาณของปีหน้า หลังจากการหารือเป็นเวลานาน สมาชิกเห็นพ้องที่จะเพิ่มงบประมาณสำหรับห้องสมุดสาธารณะและลดค่าใช้จ่ายด้านการบริหาร การตัดสินใจนี้จะประกาศในสัปดาห์หน้า และประชาชนสามารถแสดงความคิดเห็นได้จนถึงสิ้นเดือน"
w hy "Հանձնաժողովը երեքշաբթի օրը հավաքվեց՝ քննարկելու հաջորդ տարվա բյուջեն։ Երկար քննարկումից հետո անդամները համաձայնեցին ավելացնել հանրային գրադարանների ծախսերը և կրճատել վարչական ծախսերը։ Որոշումը կհրապարակվի հաջորդ շաբաթ, և քաղաքացիները կարող են մեկնաբանել այն մինչև ամսվա վերջ։"
estimate() { "$CLI" cost estimate "$@" --model gpt-4o-mini --json; }
en=$(estimate "$WORK/p/en.txt" | jq '.corpus.tokens')
echo "| language | script | words | letters | tokens | tokens/word | tokens/letter | tokens vs English |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for l in en de fr es ru el zh ja ko ar he hi th hy; do
  estimate "$WORK/p/$l.txt" | jq -r --arg l "$l" --argjson en "$en" \
    '.corpus.scripts[0] as $s | "| \($l) | \($s.script) | \($s.words) | \($s.letters) | \($s.tokens) | \($s.tokensPerWord) | \(($s.tokens / $s.letters * 100 | round) / 100) | \((.corpus.tokens / $en * 100 | round) / 100)× |"'
done
echo
echo "| corpus | documents | script | words | tokens | tokens/word |"
echo "|---|---:|---|---:|---:|---:|"
corpus() {
  local name=$1; shift
  estimate "$@" 2>/dev/null | jq -r --arg n "$name" '.corpus as $c | $c.scripts[] | select(.tokens * 100 >= $c.tokens) | "| \($n) | \($c.documents) | \(.script) | \(.words) | \(.tokens) | \(.tokensPerWord) |"'
}
corpus "docs/ (Markdown)" docs
[ -f "$DATA/scifact/corpus.jsonl" ] && corpus "SciFact abstracts" "$DATA/scifact/corpus.jsonl"
[ -f "$DATA/prompt-injection/train.jsonl" ] && corpus "prompt-injection (en+de)" "$DATA/prompt-injection/train.jsonl"
exit 0
