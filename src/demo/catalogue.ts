/** The demo retailer's catalogue: a supermarket with some electronics and clothing. Prices in kopecks. */
export interface Product {
  sku: string;
  name: string;
  category: string;
  price: number;
  /** Sold by weight (kg, three decimals). */
  weighed?: boolean;
}

const p = (sku: string, name: string, category: string, rubles: number, weighed = false): Product => ({
  sku,
  name,
  category,
  price: Math.round(rubles * 100),
  ...(weighed ? { weighed } : {}),
});

export const catalogue: Product[] = [
  p('BREAD-WHITE', 'Батон нарезной', 'bakery', 54.9),
  p('BREAD-RYE', 'Хлеб Бородинский', 'bakery', 62.5),
  p('CROISSANT', 'Круассан', 'bakery', 79),
  p('MILK-32', 'Молоко 3,2% 1 л', 'dairy', 89.9),
  p('KEFIR', 'Кефир 2,5% 900 мл', 'dairy', 94.5),
  p('TVOROG', 'Творог 5% 200 г', 'dairy', 119),
  p('SMETANA', 'Сметана 20% 300 г', 'dairy', 109),
  p('CHEESE-ROS', 'Сыр Российский', 'dairy', 899, true),
  p('BUTTER', 'Масло сливочное 82,5%', 'dairy', 229),
  p('EGGS-10', 'Яйца С1, 10 шт', 'grocery', 129),
  p('BUCKWHEAT', 'Гречка 900 г', 'grocery', 119),
  p('RICE', 'Рис круглозерный 900 г', 'grocery', 109),
  p('PASTA', 'Макароны 450 г', 'grocery', 89),
  p('SUGAR', 'Сахар 1 кг', 'grocery', 84),
  p('OIL-SUN', 'Масло подсолнечное 1 л', 'grocery', 139),
  p('TEA', 'Чай чёрный 100 пак.', 'grocery', 349),
  p('COFFEE', 'Кофе молотый 250 г', 'grocery', 599),
  p('CHOCOLATE', 'Шоколад молочный 90 г', 'sweets', 119),
  p('COOKIES', 'Печенье овсяное', 'sweets', 99),
  p('APPLES', 'Яблоки Гала', 'fruit', 169, true),
  p('BANANAS', 'Бананы', 'fruit', 149, true),
  p('ORANGES', 'Апельсины', 'fruit', 159, true),
  p('TANGERINES', 'Мандарины', 'fruit', 219, true),
  p('POTATOES', 'Картофель', 'vegetables', 49, true),
  p('TOMATOES', 'Томаты', 'vegetables', 289, true),
  p('CUCUMBERS', 'Огурцы', 'vegetables', 199, true),
  p('ONIONS', 'Лук репчатый', 'vegetables', 45, true),
  p('CHICKEN', 'Филе куриное', 'meat', 459, true),
  p('PORK', 'Свинина шейка', 'meat', 599, true),
  p('SAUSAGE', 'Колбаса Докторская', 'meat', 749, true),
  p('SALMON', 'Сёмга слабосолёная 150 г', 'fish', 499),
  p('PELMENI', 'Пельмени 800 г', 'frozen', 389),
  p('ICECREAM', 'Мороженое пломбир', 'frozen', 89),
  p('WATER', 'Вода питьевая 1,5 л', 'drinks', 49),
  p('JUICE', 'Сок яблочный 1 л', 'drinks', 139),
  p('BEER', 'Пиво светлое 0,5 л', 'alcohol', 99),
  p('WINE', 'Вино красное сухое', 'alcohol', 749),
  p('CIGARETTES', 'Сигареты', 'tobacco', 219),
  p('DETERGENT', 'Средство для посуды', 'household', 159),
  p('PAPER', 'Туалетная бумага 8 рул.', 'household', 329),
  p('SHAMPOO', 'Шампунь 400 мл', 'beauty', 399),
  p('TOOTHPASTE', 'Зубная паста', 'beauty', 189),
  p('DIAPERS', 'Подгузники 54 шт', 'baby', 1599),
  p('CATFOOD', 'Корм для кошек 400 г', 'pets', 289),
  p('TSHIRT', 'Футболка хлопок', 'clothing', 799),
  p('SOCKS', 'Носки, 3 пары', 'clothing', 399),
  p('JACKET', 'Куртка демисезонная', 'clothing', 5999),
  p('HEADPHONES', 'Наушники беспроводные', 'electronics', 3499),
  p('CHARGER', 'Зарядное устройство USB-C', 'electronics', 1299),
  p('KETTLE', 'Чайник электрический', 'electronics', 2499),
  p('POWERBANK', 'Внешний аккумулятор', 'electronics', 1999),
];

/** How often a line comes from each category (everyday food dominates). */
export const categoryWeights: Record<string, number> = {
  bakery: 10, dairy: 14, grocery: 12, sweets: 6, fruit: 8, vegetables: 8, meat: 7, fish: 2, frozen: 4, drinks: 6,
  alcohol: 3, tobacco: 2, household: 4, beauty: 3, baby: 1, pets: 2, clothing: 1.5, electronics: 0.7,
};
