/**
 * Every UI string of the site, in Hebrew, in one place. Components import `t` and never carry
 * their own copy; guidance itself lives in content/.
 */
export const he = {
  site: {
    name: 'בפנים או בחוץ?',
    tagline: 'מדריך להחלטה על שירות הלקוחות',
    description:
      'מדריך מעשי בעברית להחלטה אם להשאיר את שירות הלקוחות בתוך הארגון או להוציא אותו למיקור חוץ, ומה מנהל משאבי האנוש מאבד בדרך.',
    home: 'דף הבית',
  },
  a11y: {
    skipToContent: 'דילוג לתוכן',
    mainNav: 'ניווט ראשי',
    guideNav: 'חלקי המדריך',
    toc: 'בעמוד זה',
    pager: 'מעבר בין חלקי המדריך',
    currentPage: 'העמוד הנוכחי',
    breadcrumbs: 'מיקום באתר',
  },
  nav: {
    guide: 'המדריך',
    checklist: 'רשימת ההחלטה',
    talk: 'מצגת ההרצאה',
    trainers: 'למדריכים',
    search: 'חיפוש',
  },
  guide: {
    title: 'המדריך',
    partOf: (n: number, total: number) => `חלק ${n} מתוך ${total}`,
    previous: 'הקודם',
    next: 'הבא',
    onThisPage: 'בעמוד זה',
    start: 'להתחיל לקרוא',
  },
  heading: {
    linkTo: (title: string) => `קישור לסעיף „${title}”`,
    copyLink: (title: string) => `העתקת קישור לסעיף „${title}”`,
    copied: 'הקישור הועתק',
    copyFailed: 'לא הצלחנו להעתיק. אפשר להעתיק את הכתובת משורת הכתובת.',
  },
  theme: {
    toggle: 'ערכת צבעים',
    light: 'בהירה',
    dark: 'כהה',
    system: 'לפי המכשיר',
    switchToDark: 'מעבר לערכה כהה',
    switchToLight: 'מעבר לערכה בהירה',
  },
  home: {
    lead: 'האם להשאיר את שירות הלקוחות בתוך הארגון או להוציא אותו למיקור חוץ? המדריך מפרק את ההחלטה לשיקולים ברורים ומראה מה מנהל משאבי האנוש מאבד כשהשירות יוצא החוצה.',
    forReaders: 'לקוראים',
    forReadersText: 'המדריך המלא, חלק אחר חלק, עם קישור לכל סעיף.',
  },
  notFound: {
    title: 'העמוד לא נמצא',
    lead: 'ייתכן שהקישור שגוי או שהעמוד עבר למקום אחר. אפשר להמשיך מכאן:',
    backHome: 'חזרה לדף הבית',
  },
  footer: {
    source: 'על פי מאמר שהוצג בכנס הלמידה, ההדרכה והפיתוח הארגוני.',
    print: 'להדפסה',
  },
} as const;

export const t = he;
