/**
 * Name material for demo customers: common Chinese surnames with rough frequency weights
 * (王/李/张 lead, as in real call lists), given names, pinyin for e-mail addresses, and English names.
 */

/** [surname, pinyin, weight ≈ share of the population in ‰] */
export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 71], ['李', 'li', 70], ['张', 'zhang', 66], ['刘', 'liu', 54], ['陈', 'chen', 45],
  ['杨', 'yang', 31], ['黄', 'huang', 22], ['赵', 'zhao', 21], ['吴', 'wu', 20], ['周', 'zhou', 19],
  ['徐', 'xu', 13], ['孙', 'sun', 12], ['马', 'ma', 12], ['朱', 'zhu', 11], ['胡', 'hu', 10],
  ['郭', 'guo', 10], ['何', 'he', 9], ['高', 'gao', 9], ['林', 'lin', 9], ['罗', 'luo', 9],
  ['郑', 'zheng', 8], ['梁', 'liang', 8], ['谢', 'xie', 6], ['宋', 'song', 6], ['唐', 'tang', 6],
  ['许', 'xu', 5], ['韩', 'han', 5], ['冯', 'feng', 5], ['邓', 'deng', 5], ['曹', 'cao', 5],
  ['彭', 'peng', 4], ['曾', 'zeng', 4], ['肖', 'xiao', 4], ['田', 'tian', 4], ['董', 'dong', 4],
  ['袁', 'yuan', 4], ['潘', 'pan', 3], ['于', 'yu', 3], ['蒋', 'jiang', 3], ['蔡', 'cai', 3],
  ['余', 'yu', 3], ['杜', 'du', 3], ['叶', 'ye', 3], ['程', 'cheng', 3], ['苏', 'su', 3],
  ['魏', 'wei', 3], ['吕', 'lv', 3], ['丁', 'ding', 3], ['任', 'ren', 3], ['沈', 'shen', 3],
  ['姚', 'yao', 2], ['卢', 'lu', 2], ['姜', 'jiang', 2], ['崔', 'cui', 2], ['钟', 'zhong', 2],
  ['谭', 'tan', 2], ['陆', 'lu', 2], ['汪', 'wang', 2], ['范', 'fan', 2], ['金', 'jin', 2],
  ['石', 'shi', 2], ['廖', 'liao', 2], ['贾', 'jia', 2], ['夏', 'xia', 2], ['韦', 'wei', 2],
  ['付', 'fu', 2], ['方', 'fang', 2], ['白', 'bai', 2], ['邹', 'zou', 2], ['孟', 'meng', 2],
  ['熊', 'xiong', 2], ['秦', 'qin', 2], ['邱', 'qiu', 2], ['江', 'jiang', 2], ['尹', 'yin', 2],
  ['薛', 'xue', 2], ['闫', 'yan', 2], ['段', 'duan', 2], ['雷', 'lei', 2], ['侯', 'hou', 2],
  ['龙', 'long', 2], ['史', 'shi', 2], ['欧阳', 'ouyang', 0.5], ['上官', 'shangguan', 0.2], ['司马', 'sima', 0.2],
  ['诸葛', 'zhuge', 0.1],
];

/** Single given-name characters with pinyin. */
export const GIVEN_CHARS: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['华', 'hua'],
  ['玲', 'ling'], ['鹏', 'peng'], ['飞', 'fei'], ['鑫', 'xin'], ['宇', 'yu'], ['浩', 'hao'], ['欣', 'xin'],
  ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'], ['晨', 'chen'], ['博', 'bo'], ['文', 'wen'], ['斌', 'bin'],
  ['辉', 'hui'], ['波', 'bo'], ['建', 'jian'], ['红', 'hong'], ['梅', 'mei'], ['兰', 'lan'], ['涵', 'han'],
  ['怡', 'yi'], ['佳', 'jia'], ['雨', 'yu'], ['晓', 'xiao'], ['思', 'si'], ['俊', 'jun'], ['凯', 'kai'],
  ['瑶', 'yao'], ['倩', 'qian'], ['慧', 'hui'], ['颖', 'ying'], ['蕾', 'lei'], ['志', 'zhi'], ['海', 'hai'],
  ['峰', 'feng'], ['燕', 'yan'], ['亮', 'liang'], ['荣', 'rong'], ['雯', 'wen'], ['楠', 'nan'], ['昊', 'hao'],
  ['泽', 'ze'], ['睿', 'rui'], ['航', 'hang'], ['萱', 'xuan'], ['丹', 'dan'], ['阳', 'yang'], ['健', 'jian'],
];

/** Two-character given names that are common as a whole. */
export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['秀英', 'xiuying'], ['桂英', 'guiying'], ['建华', 'jianhua'], ['建国', 'jianguo'], ['志强', 'zhiqiang'],
  ['晓明', 'xiaoming'], ['子涵', 'zihan'], ['梓轩', 'zixuan'], ['一诺', 'yinuo'], ['欣怡', 'xinyi'],
  ['浩然', 'haoran'], ['思雨', 'siyu'], ['雨轩', 'yuxuan'], ['佳怡', 'jiayi'], ['俊杰', 'junjie'],
  ['海燕', 'haiyan'], ['丽娟', 'lijuan'], ['春梅', 'chunmei'], ['文博', 'wenbo'], ['嘉怡', 'jiayi'],
  ['玉兰', 'yulan'], ['淑珍', 'shuzhen'], ['国强', 'guoqiang'], ['晓燕', 'xiaoyan'], ['雅琪', 'yaqi'],
];

export const ENGLISH_FIRST = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Emily', 'Anthony', 'Emma', 'Mark', 'Olivia',
  'Oliver', 'Sophie', 'Harry', 'Amelia', 'George', 'Chloe', 'Jack', 'Grace', 'Ethan', 'Hannah',
] as const;

export const ENGLISH_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson',
  'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
  'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Evans', 'Turner', 'Parker', 'Collins', "O'Brien",
] as const;

/** Hong Kong and Singapore customers often go by an English first name and a romanized surname. */
export const ASIAN_ENGLISH_FIRST = ['Ken', 'Vivian', 'Alvin', 'Jasmine', 'Winnie', 'Marcus', 'Cheryl', 'Desmond', 'Ivy', 'Jason'] as const;
export const ROMANIZED_LAST = ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ng', 'Tan', 'Lim', 'Ong', 'Goh', 'Teo', 'Koh', 'Leung', 'Ho'] as const;

export const COMPANIES_ZH = [
  '北京星河科技有限公司', '上海瑞丰贸易有限公司', '广州恒达物流有限公司', '深圳云启信息技术有限公司',
  '杭州青禾餐饮管理有限公司', '成都锦城酒店管理有限公司', '武汉长江装饰工程有限公司', '南京金陵教育咨询有限公司',
] as const;
export const COMPANIES_EN = ['Northwind Traders', 'Contoso Ltd', 'Fabrikam Inc', 'Harbour Logistics', 'Bluebird Dental', 'Lion City Foods'] as const;
